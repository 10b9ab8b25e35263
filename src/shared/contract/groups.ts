import { z } from 'zod';
import { id, idInput, optionalIsoDate, returns, text } from './common';

export interface PartyGroup {
  id: number;
  name: string;
  leaderId: number | null;
  leaderName: string | null;
  memberCount: number;
  foundedOn: string | null;
  dissolvedOn: string | null;
}

const groupFields = {
  name: text(30),
  foundedOn: optionalIsoDate,
  leaderId: id.nullish().transform((value) => value ?? null),
};

export const groupCreateInput = z.strictObject(groupFields);
export const groupUpdateInput = z.strictObject({ id, ...groupFields, dissolvedOn: optionalIsoDate });
export type GroupCreateInput = z.input<typeof groupCreateInput>;
export type GroupUpdateInput = z.input<typeof groupUpdateInput>;

export const groupsContract = {
  'groups:list': {
    input: z.strictObject({ includeDissolved: z.boolean({ error: '应为是或否' }).optional() }).optional(),
    output: returns<PartyGroup[]>(),
  },
  'groups:create': { input: groupCreateInput, output: returns<PartyGroup>() },
  'groups:update': { input: groupUpdateInput, output: returns<PartyGroup>() },
  'groups:delete': { input: idInput, output: returns<{ id: number }>() },
} as const;
