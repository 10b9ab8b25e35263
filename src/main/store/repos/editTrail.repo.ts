import type Database from 'better-sqlite3';
import type { EditTrailEntityType, EditTrailEntry } from '../../../shared/contract/editTrail';
import type { EditAction, FieldChange } from '../../../shared/domain/editTrail';
import { likeContaining } from './searchQuery';

export interface EditTrailWrite {
  entityType: EditTrailEntityType;
  entityId: number;
  label: string;
  action: EditAction;
  at: string;
  note: string | null;
  changes: FieldChange[];
  searchText: string;
}

export interface EditTrailFilter {
  /** Lower-cased words, every one somewhere in the entry's search text. */
  words: readonly string[];
  entityType?: EditTrailEntityType;
  /** ISO instants: at >= fromAt and at < untilAt. */
  fromAt?: string;
  untilAt?: string;
  limit: number;
  offset: number;
}

interface TrailRow {
  id: number;
  entity_type: EditTrailEntityType;
  entity_id: number;
  label: string;
  action: EditAction;
  at: string;
  note: string | null;
  changes: string;
}

const toEntry = (row: TrailRow): EditTrailEntry => ({
  id: row.id,
  entityType: row.entity_type,
  entityId: row.entity_id,
  label: row.label,
  action: row.action,
  at: row.at,
  note: row.note,
  changes: JSON.parse(row.changes) as FieldChange[],
});

const COLUMNS = 'id, entity_type, entity_id, label, action, at, note, changes';

export function createEditTrailRepo(db: Database.Database) {
  const insertEntry = db.prepare(
    `INSERT INTO edit_trail (entity_type, entity_id, label, action, at, note, changes, search_text)
     VALUES (@entityType, @entityId, @label, @action, @at, @note, @changes, @searchText)`,
  );
  const selectForEntity = db.prepare<[string, number], TrailRow>(`SELECT ${COLUMNS} FROM edit_trail WHERE entity_type = ? AND entity_id = ? ORDER BY id DESC`);

  return {
    /**
     * Logs one change. Refuses to run outside a transaction: the entry must land together with the
     * change it describes, or not at all.
     */
    insert(entry: EditTrailWrite): number {
      if (!db.inTransaction) throw new Error('edit trail entries are written only inside the transaction of the change they describe');
      return Number(insertEntry.run({ ...entry, changes: JSON.stringify(entry.changes) }).lastInsertRowid);
    },

    forEntity(entityType: EditTrailEntityType, entityId: number): EditTrailEntry[] {
      return selectForEntity.all(entityType, entityId).map(toEntry);
    },

    /** A page of the log, newest first, with the number of entries matching the filter. */
    list(filter: EditTrailFilter): { total: number; entries: EditTrailEntry[] } {
      const conditions: string[] = [];
      const params: (string | number)[] = [];
      for (const word of filter.words) {
        conditions.push("search_text LIKE ? ESCAPE '\\'");
        params.push(likeContaining(word));
      }
      if (filter.entityType) {
        conditions.push('entity_type = ?');
        params.push(filter.entityType);
      }
      if (filter.fromAt) {
        conditions.push('at >= ?');
        params.push(filter.fromAt);
      }
      if (filter.untilAt) {
        conditions.push('at < ?');
        params.push(filter.untilAt);
      }
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      const total = (db.prepare(`SELECT count(*) AS n FROM edit_trail ${where}`).get(...params) as { n: number }).n;
      const rows = db.prepare(`SELECT ${COLUMNS} FROM edit_trail ${where} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, filter.limit, filter.offset) as TrailRow[];
      return { total, entries: rows.map(toEntry) };
    },
  };
}
