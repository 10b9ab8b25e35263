import { useRpcAction, useRpcQuery } from './hooks';

// How a new record starts: a per-type template or a copy of the last record of the type.
export const useMeetingStartOptions = () => useRpcQuery('meetingTemplates:list');
/** Asked once per choice (not cached), so a later refresh never refills a form being typed in. */
export const useMeetingStart = () => useRpcAction('meetingTemplates:get');
