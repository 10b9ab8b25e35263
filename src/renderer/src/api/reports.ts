import { useRpcAction, useRpcMutation, useRpcQuery } from './hooks';

// 设置 → 文书格式 and the Word reports for submission (issue 7).
export const useDocumentPresets = () => useRpcQuery('documentPresets:get', {});
export const useSaveDocumentPreset = () => useRpcMutation('documentPresets:save');
export const useResetDocumentPreset = () => useRpcMutation('documentPresets:reset');

export const useYearSummaryDraft = (year: number) => useRpcQuery('reports:summaryDraft', { year });
export const useRegenerateYearSummary = () => useRpcAction('reports:summaryDraft');
export const useSaveYearSummary = () => useRpcAction('reports:summarySave');
export const useExportYearSummary = () => useRpcAction('reports:summaryExport');
export const useExportMinutesBook = () => useRpcAction('reports:minutesBook');
