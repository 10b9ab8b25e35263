import { useRpcAction, useRpcMutation, useRpcQuery } from './hooks';

// 年度计划: the saved plan of a year, a fresh draft from the rules in force, saving and Word export.
export const usePlan = (year: number) => useRpcQuery('plans:get', { year });
export const useDraftPlan = () => useRpcAction('plans:draft');
export const useSavePlan = () => useRpcMutation('plans:save');
export const useExportPlan = () => useRpcAction('plans:export');
