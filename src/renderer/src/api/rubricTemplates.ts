import type { InputOf } from '../../../shared/contract';
import { useRpcAction, useRpcMutation, useRpcQuery } from './hooks';

// 五星三强 ▸ 评分模板: the templates with their versions, Excel import (preview, then import) and edits saved as new versions.
export const useRubricTemplates = () => useRpcQuery('rubricTemplates:list');
export const useRubricTemplate = (input: InputOf<'rubricTemplates:get'>, enabled = true) => useRpcQuery('rubricTemplates:get', input, { enabled });
export const usePreviewRubricImport = () => useRpcAction('rubricTemplates:importPreview');
export const useImportRubric = () => useRpcMutation('rubricTemplates:import');
export const useSaveRubricTemplate = () => useRpcMutation('rubricTemplates:save');
