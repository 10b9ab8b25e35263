import { useRpcAction, useRpcQuery } from './hooks';

// 落实情况 (年度落实情况 matrix): the compliance report of a year, and the year's table as Excel or Word.
export const useComplianceYear = (year: number) => useRpcQuery('compliance:year', { year });
export const useExportComplianceXlsx = () => useRpcAction('compliance:exportXlsx');
export const useExportComplianceDocx = () => useRpcAction('compliance:exportDocx');
