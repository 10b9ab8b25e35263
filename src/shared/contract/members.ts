import { z } from 'zod';
import { findIdNumberProblem, ID_NUMBER_PROBLEM_MESSAGES, normalizeIdNumber } from '../domain/idNumber';
import { GENDERS, MEMBER_CATEGORIES, type Gender, type MemberCategory, type MemberProfile } from '../domain/member';
import { looksMasked } from '../domain/phone';
import type { MemberStatus } from '../domain/memberHistory';
import { id, idInput, MAX_LONG_TEXT, optionalIsoDate, optionalText, phone, returns, text } from './common';

/** The state of a member today, computed from their dated history. */
export interface MemberStateSummary {
  status: MemberStatus;
  category: MemberCategory;
  belongs: boolean;
  entitledToVote: boolean;
  probationEndsOn: string | null;
  flowing: { since: string; detail: string | null } | null;
  lostContact: { since: string } | null;
  partyProbation: { since: string; until: string | null } | null;
}

export interface Member extends MemberProfile {
  id: number;
  /** 入党时间 and 转正时间 come from the member's 入党 and 转正 events. */
  admittedOn: string | null;
  confirmedOn: string | null;
  /** The category the roster states, used where dates are missing (see memberStateOn). */
  category: MemberCategory;
  partyGroupId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  state: MemberStateSummary;
  /** 党内职务 held today: 书记, 组织委员, 第一党小组组长… */
  partyPosts: string[];
}

/** A roster row: the ID number is masked and derived facts are filled in. */
export interface MemberListItem {
  id: number;
  name: string;
  gender: Gender;
  birthDate: string | null;
  age: number | null;
  education: string | null;
  workplace: string | null;
  admittedOn: string | null;
  confirmedOn: string | null;
  partyStandingYears: number | null;
  category: MemberCategory;
  status: MemberStatus;
  flowing: boolean;
  lostContact: boolean;
  partyProbation: boolean;
  partyGroupId: number | null;
  partyGroupName: string | null;
  partyPosts: string[];
  /** 138****5678: lists never carry full phone or ID numbers (see members:revealSensitive). */
  phoneMasked: string | null;
  idNumberMasked: string | null;
}

/** The personal numbers kept out of lists and forms unless a secretary asks to see them. */
export const SENSITIVE_FIELDS = ['idNumber', 'phone'] as const;
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number];

/**
 * A member as the renderer receives it (members:get/create/update): 公民身份号码 and 联系电话 only
 * masked; the full value comes one field at a time from members:revealSensitive.
 */
export type MemberView = Omit<Member, SensitiveField> & { idNumberMasked: string | null; phoneMasked: string | null };

const MASKED_MESSAGE = '这是脱敏显示的号码（带*），不能作为号码保存。要修改请先点“显示”取出完整号码，不修改就不要动它';

/** Refuses a masked value (with *) before the field's own checks, so it can never overwrite the real one. */
function unmasked<T extends z.ZodType<string | null, string | null | undefined>>(schema: T) {
  return z
    .string({ error: '应为文字' })
    .nullish()
    .refine((value) => value === null || value === undefined || !looksMasked(value), { message: MASKED_MESSAGE, abort: true })
    .pipe(schema);
}

const idNumberChecks = z
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
export const idNumberField = unmasked(idNumberChecks);

export const memberFields = {
  name: text(30),
  gender: z.enum(GENDERS, { error: '请选择性别' }),
  ethnicity: optionalText(20),
  birthDate: optionalIsoDate,
  idNumber: idNumberField,
  nativePlace: optionalText(30),
  education: optionalText(20),
  degree: optionalText(20),
  workStartedOn: optionalIsoDate,
  workplace: optionalText(60),
  personCategory: optionalText(20),
  admittedOn: optionalIsoDate,
  confirmedOn: optionalIsoDate,
  category: z.enum(MEMBER_CATEGORIES, { error: '请选择党员类别' }),
  partyGroupId: id.nullish().transform((value) => value ?? null),
  phone: unmasked(phone),
  note: optionalText(MAX_LONG_TEXT),
};

export const memberCreateInput = z.strictObject(memberFields);
export const memberUpdateInput = z.strictObject({
  id,
  ...memberFields,
  /**
   * Left out = unchanged: the edit form holds only the masked number until the secretary reveals
   * it, and sends these two fields only then. null clears the stored number.
   */
  idNumber: memberFields.idNumber.optional(),
  phone: memberFields.phone.optional(),
  /** The version the form was loaded with; a different stored version means someone else saved first. */
  version: z.number({ error: '应为数字' }).int().positive(),
  /** When a change of 党小组 takes effect (default today). */
  groupChangedOn: optionalIsoDate,
});

/** Which members a list shows: those in the roster today (default), those who left, or all. */
export const MEMBER_LIST_SCOPES = ['current', 'left', 'all'] as const;
export type MemberListScope = (typeof MEMBER_LIST_SCOPES)[number];

export const memberListInput = z
  .strictObject({
    query: z.string({ error: '应为文字' }).trim().max(30, '不能超过30个字').optional(),
    scope: z.enum(MEMBER_LIST_SCOPES, { error: '应为 current、left 或 all' }).optional(),
    category: z.enum(MEMBER_CATEGORIES, { error: '请选择党员类别' }).optional(),
    partyGroupId: id.optional(),
    flowing: z.boolean({ error: '应为是或否' }).optional(),
    lostContact: z.boolean({ error: '应为是或否' }).optional(),
  })
  .optional();

export type MemberInput = z.input<typeof memberCreateInput>;
export type MemberValues = z.output<typeof memberCreateInput>;
export type MemberUpdateInput = z.input<typeof memberUpdateInput>;

/** 党员花名册 as an Excel file: 在册 members today; ID and phone numbers masked unless asked. */
export const memberExportInput = z
  .strictObject({
    /** 包含完整身份证号和手机号 (default off: 330702********1015, 139****1000). */
    includeFullNumbers: z.boolean({ error: '应为是或否' }).optional(),
    /** Also list members who have left (转出, 停止党籍, 去世), after those 在册 and not counted. */
    includeLeft: z.boolean({ error: '应为是或否' }).optional(),
  })
  .optional();

export interface MemberExportResult {
  /** 党员花名册_2026-11-22.xlsx */
  fileName: string;
  contentBase64: string;
  rowCount: number;
}

/** One member's full 公民身份号码 or 联系电话, asked for explicitly (the 显示 button). */
export const memberRevealInput = z.strictObject({
  id,
  field: z.enum(SENSITIVE_FIELDS, { error: '应为 idNumber 或 phone' }),
});

export const membersContract = {
  'members:list': { input: memberListInput, output: returns<MemberListItem[]>() },
  'members:get': { input: idInput, output: returns<MemberView>() },
  'members:create': { input: memberCreateInput, output: returns<MemberView>() },
  'members:update': { input: memberUpdateInput, output: returns<MemberView>() },
  'members:revealSensitive': { input: memberRevealInput, output: returns<{ value: string | null }>() },
  'members:delete': { input: idInput, output: returns<{ id: number }>() },
  'members:export': { input: memberExportInput, output: returns<MemberExportResult>() },
} as const;

