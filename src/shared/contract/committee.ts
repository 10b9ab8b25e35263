import { z } from 'zod';
import { COMMITTEE_ROLES, type CommitteeRole } from '../domain/branch';
import { id, idInput, isoDate, noInput, optionalIsoDate, returns } from './common';
import type { CommitteeTerm } from './branch';

export interface CommitteeSeatRecord {
  id: number;
  termId: number;
  memberId: number;
  /** The name when the seat was taken (kept after renames and departures). */
  memberName: string;
  role: CommitteeRole;
  startsOn: string;
  endsOn: string | null;
}

export interface CommitteeTermDetail extends CommitteeTerm {
  seats: CommitteeSeatRecord[];
  /** True for the term in force today. */
  current: boolean;
}

const seq = z.number({ error: '应为数字' }).int('应为整数').min(1, '至少为1').max(99, '不能超过99');

export const committeeTermInput = z
  .strictObject({ seq, startsOn: isoDate, endsOn: isoDate })
  .refine((value) => value.endsOn > value.startsOn, { message: '任期结束日期应晚于开始日期', path: ['endsOn'] });
export const committeeTermUpdateInput = z
  .strictObject({ id, seq, startsOn: isoDate, endsOn: isoDate })
  .refine((value) => value.endsOn > value.startsOn, { message: '任期结束日期应晚于开始日期', path: ['endsOn'] });

export const committeeSeatInput = z.strictObject({
  termId: id,
  memberId: id,
  role: z.enum(COMMITTEE_ROLES, { error: '请选择职务' }),
  startsOn: isoDate,
});
export const committeeSeatUpdateInput = z.strictObject({
  id,
  role: z.enum(COMMITTEE_ROLES, { error: '请选择职务' }),
  startsOn: isoDate,
  endsOn: optionalIsoDate,
});

export type CommitteeTermInput = z.input<typeof committeeTermInput>;
export type CommitteeSeatInput = z.input<typeof committeeSeatInput>;
export type CommitteeSeatUpdateInput = z.input<typeof committeeSeatUpdateInput>;

export const committeeContract = {
  'committee:list': { input: noInput, output: returns<CommitteeTermDetail[]>() },
  'committee:create': { input: committeeTermInput, output: returns<CommitteeTerm>() },
  'committee:update': { input: committeeTermUpdateInput, output: returns<CommitteeTerm>() },
  'committeeSeats:create': { input: committeeSeatInput, output: returns<CommitteeSeatRecord>() },
  'committeeSeats:update': { input: committeeSeatUpdateInput, output: returns<CommitteeSeatRecord>() },
  'committeeSeats:delete': { input: idInput, output: returns<{ id: number }>() },
} as const;
