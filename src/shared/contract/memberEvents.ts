import { z } from 'zod';
import { MEMBER_EVENT_KINDS, type MemberEventKind } from '../domain/memberHistory';
import { id, idInput, isoDate, MAX_LONG_TEXT, optionalIsoDate, optionalText, returns } from './common';

export interface MemberEventRecord {
  id: number;
  memberId: number;
  kind: MemberEventKind;
  occurredOn: string;
  detail: string | null;
  untilOn: string | null;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export const memberEventCreateInput = z.strictObject({
  memberId: id,
  kind: z.enum(MEMBER_EVENT_KINDS, { error: '请选择变动类型' }),
  occurredOn: isoDate,
  detail: optionalText(100),
  untilOn: optionalIsoDate,
  note: optionalText(MAX_LONG_TEXT),
  recordedBy: optionalText(30),
});

export type MemberEventInput = z.input<typeof memberEventCreateInput>;

export const memberEventsContract = {
  'memberEvents:list': { input: z.strictObject({ memberId: id }), output: returns<MemberEventRecord[]>() },
  'memberEvents:create': { input: memberEventCreateInput, output: returns<MemberEventRecord>() },
  'memberEvents:delete': { input: idInput, output: returns<{ id: number }>() },
} as const;
