import type { InputOf } from '../../../shared/contract';
import { useRpcAction, useRpcMutation, useRpcQuery } from './hooks';

// 组织生活: meeting records (三会一课 and the other forms), 应到 and the verdicts.
/** Records of a year or all years, filtered; with `query`, the search (keeps showing the last rows while a new one runs). */
export const useMeetings = (filters: NonNullable<InputOf<'meetings:list'>>) => useRpcQuery('meetings:list', filters, { keepPrevious: true });
export const useMeeting = (id: number | null) => useRpcQuery('meetings:get', { id: id ?? 0 }, { enabled: id !== null });
/**
 * 应到 proposed for a record being entered, with the counts and verdicts of its draft attendance and
 * votes; null input while types or date are missing. The previous answer stays shown while a changed draft is asked.
 */
export const useMeetingCheck = (input: InputOf<'meetings:check'> | null) =>
  useRpcQuery('meetings:check', input ?? { types: ['memberAssembly'], partyGroupId: null, heldOn: '2000-01-01', exclusions: [] }, { enabled: input !== null, keepPrevious: true });
export const useCreateMeeting = () => useRpcMutation('meetings:create');
export const useUpdateMeeting = () => useRpcMutation('meetings:update');
export const useDeleteMeeting = () => useRpcMutation('meetings:delete');
/** 会议记录 of a saved record and the 签到表 of a planned one, as Word files. */
export const useExportMinutes = () => useRpcAction('meetings:export');
export const useSignInSheet = () => useRpcAction('meetings:signInSheet');
/** 撤销 a deletion (possible until the app restarts). */
export const useRestoreMeeting = () => useRpcMutation('meetings:restore');
