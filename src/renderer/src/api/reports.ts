import { useQueryClient } from '@tanstack/react-query';
import type { YearSummaryDraft } from '../../../shared/contract/reports';
import type { YearSummarySection } from '../../../shared/domain/yearSummary';
import { invoke } from './client';
import { useRpcAction, useRpcMutation, useRpcQuery } from './hooks';

// 设置 → 文书格式 and the Word reports for submission (issue 7).
export const useDocumentPresets = () => useRpcQuery('documentPresets:get', {});
export const useSaveDocumentPreset = () => useRpcMutation('documentPresets:save');
export const useResetDocumentPreset = () => useRpcMutation('documentPresets:reset');

export const useYearSummaryDraft = (year: number) => useRpcQuery('reports:summaryDraft', { year });
export const useRegenerateYearSummary = () => useRpcAction('reports:summaryDraft');
/**
 * Saves the edited sections and puts them in the draft's cached answer, so coming back to the page
 * shows them at once (the editor itself is not re-read while typing).
 */
export function useSaveYearSummary() {
  const queryClient = useQueryClient();
  return async (year: number, sections: YearSummarySection[]): Promise<{ savedAt: string }> => {
    const result = await invoke('reports:summarySave', { year, sections });
    queryClient.setQueryData<YearSummaryDraft>(['reports:summaryDraft', { year }], (draft) => (draft ? { ...draft, sections, savedAt: result.savedAt } : draft));
    return result;
  };
}
export const useExportYearSummary = () => useRpcAction('reports:summaryExport');
export const useExportMinutesBook = () => useRpcAction('reports:minutesBook');
export const useExportOrgLifeDocx = () => useRpcAction('reports:orgLifeDocx');
export const useExportDemocraticReviewDocx = () => useRpcAction('reports:democraticReviewDocx');
