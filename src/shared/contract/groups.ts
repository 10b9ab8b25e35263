import { noInput, returns } from './common';

export interface PartyGroup {
  id: number;
  name: string;
  leaderId: number | null;
  leaderName: string | null;
  memberCount: number;
}

export const groupsContract = {
  'groups:list': { input: noInput, output: returns<PartyGroup[]>() },
} as const;
