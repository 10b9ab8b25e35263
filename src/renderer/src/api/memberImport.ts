import { useRpcAction, useRpcMutation, useRpcQuery } from './hooks';

export const useCheckImport = () => useRpcAction('memberImport:check');
export const useConfirmImport = () => useRpcMutation('memberImport:import');
export const useImportTemplate = () => useRpcAction('memberImport:export');
export const useImportBatches = () => useRpcQuery('importBatches:list');
export const useUndoImport = () => useRpcMutation('importBatches:delete');
