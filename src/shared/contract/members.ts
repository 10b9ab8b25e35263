import { z } from 'zod';
import { findIdNumberProblem, ID_NUMBER_PROBLEM_MESSAGES, normalizeIdNumber } from '../domain/idNumber';
import { GENDERS, MEMBER_CATEGORIES, type Gender, type MemberCategory } from '../domain/member';
import { id, idInput, MAX_LONG_TEXT, optionalIsoDate, optionalText, phone, returns, text } from './common';

export interface Member {
  id: number;
  name: string;
  gender: Gender;
  ethnicity: string | null;
  birthDate: string | null;
  idNumber: string | null;
  education: string | null;
  admittedOn: string | null;
  confirmedOn: string | null;
  category: MemberCategory;
  partyGroupId: number | null;
  phone: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A roster row: the ID number is masked and derived facts are filled in. */
export interface MemberListItem extends Omit<Member, 'idNumber' | 'note' | 'createdAt'> {
  idNumberMasked: string | null;
  partyGroupName: string | null;
  age: number | null;
  partyStandingYears: number | null;
  committeeRole: string | null;
}

export const idNumberField = z
  .string({ error: '应为文字' })
  .trim()
  .max(30, '不能超过30个字符')
  .nullish()
  .transform((value) => (value ? normalizeIdNumber(value) : null))
  .superRefine((value, ctx) => {
    if (value === null) return;
    const problem = findIdNumberProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_PROBLEM_MESSAGES[problem] });
  });

export const memberFields = {
  name: text(30),
  gender: z.enum(GENDERS, { error: '请选择性别' }),
  ethnicity: optionalText(20),
  birthDate: optionalIsoDate,
  idNumber: idNumberField,
  education: optionalText(20),
  admittedOn: optionalIsoDate,
  confirmedOn: optionalIsoDate,
  category: z.enum(MEMBER_CATEGORIES, { error: '请选择党员类别' }),
  partyGroupId: id.nullish().transform((value) => value ?? null),
  phone,
  note: optionalText(MAX_LONG_TEXT),
};

export const memberCreateInput = z.strictObject(memberFields);
export const memberUpdateInput = z.strictObject({ id, ...memberFields });
export const memberListInput = z
  .strictObject({ query: z.string({ error: '应为文字' }).trim().max(30, '不能超过30个字').optional() })
  .optional();

export type MemberInput = z.input<typeof memberCreateInput>;
export type MemberValues = z.output<typeof memberCreateInput>;
export type MemberUpdateInput = z.input<typeof memberUpdateInput>;

export const membersContract = {
  'members:list': { input: memberListInput, output: returns<MemberListItem[]>() },
  'members:get': { input: idInput, output: returns<Member>() },
  'members:create': { input: memberCreateInput, output: returns<Member>() },
  'members:update': { input: memberUpdateInput, output: returns<Member>() },
  'members:delete': { input: idInput, output: returns<{ id: number }>() },
} as const;

