import { complianceContract } from './compliance';
import { complianceExportContract } from './complianceExport';
import { rulePacksContract } from './rulePacks';
import { plansContract } from './plans';
import { privacyContract } from './privacy';
import type { z } from 'zod';
import { attachmentsContract } from './attachments';
import { branchContract } from './branch';
import { committeeContract } from './committee';
import { demoContract } from './demo';
import { editTrailContract } from './editTrail';
import { followUpsContract } from './followUps';
import { groupsContract } from './groups';
import { homeContract } from './home';
import { meetingsContract } from './meetings';
import { meetingTemplatesContract } from './meetingTemplates';
import { democraticReviewContract } from './democraticReview';
import { orgLifeContract } from './orgLife';
import { participationContract } from './participation';
import { talksContract } from './talks';
import { assessmentsContract } from './assessments';
import { rubricTemplatesContract } from './rubricTemplates';
import { assessmentsExportContract } from './assessmentsExport';
import { memberEventsContract } from './memberEvents';
import { memberImportContract } from './memberImport';
import { membersContract } from './members';
import { systemContract } from './system';
import { dataSafetyContract } from './dataSafety';
import { documentPresetsContract } from './documentPresets';
import { reportsExcelContract } from './reportsExcel';
import { reportsContract } from './reports';
import { packageContract } from './package';

/** Every method the renderer may call: 'feature:verb' -> input schema + output type. */
export const contract = {
  ...systemContract,
  ...branchContract,
  ...demoContract,
  ...groupsContract,
  ...homeContract,
  ...membersContract,
  ...memberEventsContract,
  ...memberImportContract,
  ...committeeContract,
  ...meetingsContract,
  ...attachmentsContract,
  ...followUpsContract,
  ...meetingTemplatesContract,
  ...orgLifeContract,
  ...democraticReviewContract,
  ...talksContract,
  ...assessmentsContract,
  ...rubricTemplatesContract,
  ...assessmentsExportContract,
  ...complianceContract,
  ...complianceExportContract,
  ...participationContract,
  ...rulePacksContract,
  ...plansContract,
  ...editTrailContract,
  ...dataSafetyContract,
  ...privacyContract,
  ...documentPresetsContract,
  ...reportsExcelContract,
  ...reportsContract,
  ...packageContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller may send (before defaults and trimming). */
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation). */
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type OutputOf<M extends Method> = Contract[M]['output'];

export const METHODS = Object.keys(contract) as Method[];

/** main -> renderer events (progress of long work); one channel, typed payloads. */
export interface EventMap {
  'progress': { task: string; done: number; total: number; label?: string };
}
export type EventName = keyof EventMap;

export * from './errors';

/** What the preload exposes as window.branchLedger (desktop); browser mode speaks HTTP instead. */
export interface RendererBridge {
  invoke(method: Method, input: unknown): Promise<import('./errors').Envelope<unknown>>;
  onEvent<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
}
