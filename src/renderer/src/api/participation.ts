import { useRpcAction, useRpcQuery } from './hooks';

// 参加组织生活情况: the member × month grid of a year, the 3/6-month warnings, the yearly sheet.
export const useParticipationYear = (year: number) => useRpcQuery('participation:year', { year }, { keepPrevious: true });
export const useParticipationWarnings = () => useRpcQuery('participation:warnings');
export const useExportParticipation = () => useRpcAction('participation:exportXlsx');
