import { useRpcAction, useRpcMutation, useRpcQuery } from './hooks';

// 设置 ▸ 数据安全: backups, restore, the handover package, and the damaged-database start.
export const useDataSafetyStatus = () => useRpcQuery('dataSafety:status');
export const useBackups = () => useRpcQuery('dataSafety:backups');
export const useBackupNow = () => useRpcMutation('dataSafety:backupNow');
/** Re-hashes every file of one backup (or a folder/file elsewhere) and says what it holds; changes nothing. */
export const useInspectBackup = () => useRpcAction('dataSafety:inspect');
/** Replaces the data; the page reloads afterwards, so no queries are refreshed here. */
export const useRestore = () => useRpcAction('dataSafety:restore');
export const useSetBackupFolder = () => useRpcMutation('dataSafety:setBackupFolder');
export const useExportHandover = () => useRpcMutation('dataSafety:exportHandover');
export const useCheckHandover = () => useRpcAction('dataSafety:checkHandover');
export const useImportHandover = () => useRpcAction('dataSafety:importHandover');
