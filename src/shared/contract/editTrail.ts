import { z } from 'zod';
import type { EditAction, FieldChange } from '../domain/editTrail';
import { MAX_SEARCH_LENGTH } from '../domain/textSearch';
import { id, optionalIsoDate, returns } from './common';

// 修改记录 (issue 8 item 4): every create/update/delete of records, members and settings, logged in the
// same transaction as the change, with old → new per field. Not a surveillance feature: no reads,
// no clicks, no per-user figures — only what happened to the data.

/** What can have a trail. 'assessment' is reserved for the yearly self-assessment (五星三强). */
export const EDIT_TRAIL_ENTITY_TYPES = ['meeting', 'member', 'branch', 'committeeTerm', 'group', 'assessment'] as const;
export type EditTrailEntityType = (typeof EDIT_TRAIL_ENTITY_TYPES)[number];
export const EDIT_TRAIL_ENTITY_LABELS: Record<EditTrailEntityType, string> = {
  meeting: '组织生活记录',
  member: '党员',
  branch: '支部信息',
  committeeTerm: '支委会',
  group: '党小组',
  assessment: '五星三强自评',
};

/** Entries per page of the 修改记录 list. */
export const EDIT_TRAIL_PAGE_SIZE = 30;

export interface EditTrailEntry {
  id: number;
  entityType: EditTrailEntityType;
  entityId: number;
  /** The record as it was called at the time, e.g. “2025-03-12 支部委员会会议”, “党员 张三”. */
  label: string;
  action: EditAction;
  /** ISO timestamp of the change. */
  at: string;
  /** How the change came about when not typed in its own editor, e.g. “导入《花名册.xlsx》”, “在首页待办中办结”. */
  note: string | null;
  changes: FieldChange[];
}

export interface EditTrailPage {
  entries: EditTrailEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface EntityTrail {
  count: number;
  lastChangedAt: string | null;
  /** Newest first. */
  entries: EditTrailEntry[];
}

const entityType = z.enum(EDIT_TRAIL_ENTITY_TYPES, { error: '请选择记录类别' });

export const editTrailListInput = z
  .strictObject({
    /** Words to find (all of them) in the record's name, the field names and the old and new values. */
    query: z.string({ error: '应为文字' }).trim().max(MAX_SEARCH_LENGTH, `不能超过${MAX_SEARCH_LENGTH}个字`).optional(),
    entityType: entityType.optional(),
    /** Local dates, inclusive. */
    from: optionalIsoDate,
    to: optionalIsoDate,
    /** 1-based. */
    page: z.number({ error: '应为页码数字' }).int('应为整数').min(1, '页码从 1 开始').max(100000, '页码过大').default(1),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: '结束日期不能早于开始日期', path: ['to'] });

export const editTrailForEntityInput = z.strictObject({ entityType, entityId: id });

export const EDIT_TRAIL_FIELD_LABELS: Record<string, string> = {
  query: '搜索内容',
  entityType: '记录类别',
  entityId: '记录',
  from: '开始日期',
  to: '结束日期',
  page: '页码',
};

export const editTrailContract = {
  'editTrail:list': { input: editTrailListInput, output: returns<EditTrailPage>() },
  'editTrail:forEntity': { input: editTrailForEntityInput, output: returns<EntityTrail>() },
} as const;
