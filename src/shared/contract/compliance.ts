import { z } from 'zod';
import type { ComplianceReport } from '../domain/compliance';
import { returns } from './common';

/** 落实情况 of one year: per rule and period, done / due / overdue / not yet / not applicable, with the records. */
export const complianceYearInput = z.strictObject({
  year: z.number({ error: '应为年份' }).int('应为年份').min(1921, '年份有误').max(2200, '年份有误'),
});

export const complianceContract = {
  'compliance:year': { input: complianceYearInput, output: returns<ComplianceReport>() },
} as const;
