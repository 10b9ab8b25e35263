import { noInput, returns } from './common';

export type HostKind = 'desktop' | 'browser' | 'cli';

export interface SystemInfo {
  appName: string;
  appVersion: string;
  schemaVersion: number;
  host: HostKind;
  dataDir: string;
  databasePath: string;
}

export interface StoreCheckReport {
  ok: boolean;
  schemaVersion: number;
  integrity: string[];
  foreignKeyProblems: number;
  counts: Record<string, number>;
  sizeBytes: number;
}

export const systemContract = {
  'system:get': { input: noInput, output: returns<SystemInfo>() },
  'system:check': { input: noInput, output: returns<StoreCheckReport>() },
} as const;
