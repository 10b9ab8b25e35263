import { openAttachmentContent } from './attachments';
import { invoke } from './client';
import { useRpcAction, useRpcMutation, useRpcQuery } from './hooks';

// 五星三强 self-assessment: templates, the yearly assessments and their workflow, evidence files, documents.
export const useAssessmentTemplates = () => useRpcQuery('assessments:templates');
export const useAssessmentList = () => useRpcQuery('assessments:list');
export const useAssessment = (id: number) => useRpcQuery('assessments:get', { id });
export const useStartAssessment = () => useRpcMutation('assessments:start');
export const useRefreshAssessment = () => useRpcMutation('assessments:refresh');
export const useSaveAssessment = () => useRpcMutation('assessments:save');
export const useSubmitAssessment = () => useRpcMutation('assessments:submit');
export const useReopenAssessment = () => useRpcMutation('assessments:reopen');
export const useReviewAssessment = () => useRpcMutation('assessments:review');
export const useDeleteAssessment = () => useRpcMutation('assessments:delete');
export const useAddAssessmentAttachment = () => useRpcMutation('assessments:addAttachment');
export const useRemoveAssessmentAttachment = () => useRpcMutation('assessments:removeAttachment');
export const useExportAssessmentXlsx = () => useRpcAction('assessments:exportXlsx');
export const useExportAssessmentDocx = () => useRpcAction('assessments:exportDocx');

/** Opens an evidence file the way meeting attachments open. */
export async function openAssessmentAttachment(attachmentId: number): Promise<void> {
  openAttachmentContent(await invoke('assessments:getAttachment', { attachmentId }));
}
