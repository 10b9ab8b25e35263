import { noInput, returns } from './common';

export interface DemoSummary {
  branchName: string;
  members: number;
  groups: number;
  meetings: number;
  year: number;
}

export const demoContract = {
  'demo:create': { input: noInput, output: returns<DemoSummary>() },
} as const;
