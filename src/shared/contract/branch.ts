import { z } from 'zod';
import { BRANCH_KINDS, type BranchKind } from '../domain/branch';
import { isoDate, noInput, optionalIsoDate, optionalText, phone, returns, text } from './common';

export interface Branch {
  id: number;
  name: string;
  kind: BranchKind;
  parentOrg: string | null;
  foundedOn: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CommitteeTerm {
  id: number;
  seq: number;
  startsOn: string;
  endsOn: string;
}

const branchFields = {
  name: text(60),
  kind: z.enum(BRANCH_KINDS, { error: '请选择支部类型' }),
  parentOrg: optionalText(60),
  foundedOn: optionalIsoDate,
};

function termInOrder(value: { termStartsOn: string; termEndsOn: string }) {
  return value.termEndsOn > value.termStartsOn;
}

export const branchCreateInput = z
  .strictObject({
    ...branchFields,
    termSeq: z.number({ error: '应为数字' }).int('应为整数').min(1, '至少为1').max(99, '不能超过99').default(1),
    termStartsOn: isoDate,
    termEndsOn: isoDate,
  })
  .refine(termInOrder, { message: '任期结束日期应晚于开始日期', path: ['termEndsOn'] });

export const branchUpdateInput = z.strictObject({
  ...branchFields,
  contactPerson: optionalText(30),
  contactPhone: phone,
});

export type BranchCreateInput = z.input<typeof branchCreateInput>;
export type BranchUpdateInput = z.input<typeof branchUpdateInput>;

export const branchContract = {
  'branch:get': { input: noInput, output: returns<{ branch: Branch; term: CommitteeTerm | null } | null>() },
  'branch:create': { input: branchCreateInput, output: returns<Branch>() },
  'branch:update': { input: branchUpdateInput, output: returns<Branch>() },
} as const;
