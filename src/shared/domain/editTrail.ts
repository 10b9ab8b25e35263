// 修改记录 (edit trail): what changed in a record, field by field, as the secretary reads it.
// Pure: a service turns a stored record into a snapshot (display-ready values under field names),
// and `diffSnapshots` compares two snapshots into old → new per field, with lists summarised as
// added / removed / changed items (出席人员 +王五 −李四) instead of two long texts.

export const EDIT_ACTIONS = ['create', 'update', 'delete', 'restore'] as const;
export type EditAction = (typeof EDIT_ACTIONS)[number];
export const EDIT_ACTION_LABELS: Record<EditAction, string> = { create: '新增', update: '修改', delete: '删除', restore: '恢复' };

/** One item of a list field: `key` says which item it is across edits, `text` is what is shown, `detail` what else counts as a change. */
export interface TrailListItem {
  key: string;
  text: string;
  detail?: string;
}
export type TrailValue = string | number | boolean | null | readonly TrailListItem[];
/** A record as the trail sees it: display-ready values by field name. */
export type TrailSnapshot = Readonly<Record<string, TrailValue>>;

/** One changed field: a plain value's old → new, or a list's added / removed / changed items. */
export interface FieldChange {
  field: string;
  label: string;
  from: string | null;
  to: string | null;
  added?: string[];
  removed?: string[];
  changed?: string[];
}

/** A list item whose text stayed while something behind it changed (a speech under an agenda item). */
export const CHANGED_INSIDE = '（内容有修改）';

const isList = (value: TrailValue | undefined): value is readonly TrailListItem[] => Array.isArray(value);

function scalarText(value: TrailValue | undefined): string | null {
  if (value === null || value === undefined || isList(value)) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = String(value);
  return text === '' ? null : text;
}

/** Items by key; a key used twice (two identical guests) gets “#2” so neither is lost. */
function keyed(items: readonly TrailListItem[]): Map<string, TrailListItem> {
  const byKey = new Map<string, TrailListItem>();
  for (const item of items) {
    let key = item.key;
    for (let n = 2; byKey.has(key); n += 1) key = `${item.key}#${n}`;
    byKey.set(key, item);
  }
  return byKey;
}

function listChange(before: readonly TrailListItem[], after: readonly TrailListItem[]): Pick<FieldChange, 'added' | 'removed' | 'changed'> | null {
  const old = keyed(before);
  const now = keyed(after);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const [key, item] of now) {
    const was = old.get(key);
    if (!was) added.push(item.text);
    else if (was.text !== item.text) changed.push(`${was.text} → ${item.text}`);
    else if ((was.detail ?? '') !== (item.detail ?? '')) changed.push(`${item.text}${CHANGED_INSIDE}`);
  }
  for (const [key, item] of old) if (!now.has(key)) removed.push(item.text);
  if (added.length + removed.length + changed.length === 0) return null;
  return {
    ...(added.length ? { added } : {}),
    ...(removed.length ? { removed } : {}),
    ...(changed.length ? { changed } : {}),
  };
}

/**
 * The fields that differ between two snapshots, in the order of `labels` (only labelled fields are
 * compared, so ids, versions and timestamps never show). `before` null = a new record (every filled
 * field null → value); `after` null = a removed record (every filled field value → null).
 */
export function diffSnapshots(before: TrailSnapshot | null, after: TrailSnapshot | null, labels: Readonly<Record<string, string>>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, label] of Object.entries(labels)) {
    const from = before?.[field];
    const to = after?.[field];
    if (isList(from) || isList(to)) {
      const change = listChange(isList(from) ? from : [], isList(to) ? to : []);
      if (change) changes.push({ field, label, from: null, to: null, ...change });
      continue;
    }
    const fromText = scalarText(from);
    const toText = scalarText(to);
    if (fromText !== toText) changes.push({ field, label, from: fromText, to: toText });
  }
  return changes;
}

/** A list field from any items: which item it is, what is shown, and what else counts as a change. */
export function trailList<T>(items: readonly T[], key: (item: T) => string | number, text: (item: T) => string, detail?: (item: T) => unknown): TrailListItem[] {
  return items.map((item) => ({
    key: String(key(item)),
    text: text(item),
    ...(detail ? { detail: JSON.stringify(detail(item)) } : {}),
  }));
}

/** Names as a list field (出席人员): the name is both the key and the text. */
export function trailNames(names: readonly string[]): TrailListItem[] {
  return names.map((name) => ({ key: name, text: name }));
}

/** One change as a line: “主题：旧 → 新”, “出席人员：+王五 −李四”. */
export function describeChange(change: FieldChange): string {
  if (change.added || change.removed || change.changed) {
    const parts = [
      ...(change.added ?? []).map((text) => `+${text}`),
      ...(change.removed ?? []).map((text) => `−${text}`),
      ...(change.changed ?? []).map((text) => `修改 ${text}`),
    ];
    return `${change.label}：${parts.join(' ')}`;
  }
  return `${change.label}：${change.from ?? '（空）'} → ${change.to ?? '（空）'}`;
}

/** What a search over the trail looks in: the record's label, the note, field labels and every value. */
export function trailSearchText(label: string, note: string | null, changes: readonly FieldChange[]): string {
  const parts = [label, note ?? ''];
  for (const change of changes) {
    parts.push(change.label, change.from ?? '', change.to ?? '', ...(change.added ?? []), ...(change.removed ?? []), ...(change.changed ?? []));
  }
  return parts.filter((part) => part !== '').join('\n').toLowerCase();
}

/** 138****5678: a phone number keeps its first three and last four digits (separators stay). */
export function maskPhone(raw: string): string {
  const digits = raw.replace(/\D/g, '').length;
  if (digits <= 7) return raw.replace(/\d/g, '*');
  let seen = 0;
  return raw.replace(/\d/g, (digit) => {
    seen += 1;
    return seen <= 3 || seen > digits - 4 ? digit : '*';
  });
}
