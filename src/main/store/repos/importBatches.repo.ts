import type Database from 'better-sqlite3';
import type { ImportBatch } from '../../../shared/contract/memberImport';

interface BatchRow {
  id: number;
  file_name: string;
  imported_at: string;
  row_count: number;
  undone_at: string | null;
}

function toBatch(row: BatchRow): ImportBatch {
  return { id: row.id, fileName: row.file_name, importedAt: row.imported_at, rowCount: row.row_count, undoneAt: row.undone_at };
}

/** One row per member import; members carry the batch id, so an undo knows what the batch created. */
export function createImportBatchesRepo(db: Database.Database) {
  const insertBatch = db.prepare('INSERT INTO import_batches (file_name, imported_at, row_count) VALUES (?, ?, ?)');
  const selectAll = db.prepare<[], BatchRow>('SELECT * FROM import_batches ORDER BY id DESC');
  const selectOne = db.prepare<[number], BatchRow>('SELECT * FROM import_batches WHERE id = ?');
  const markUndone = db.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ? AND undone_at IS NULL');

  return {
    insert(fileName: string, importedAt: string, rowCount: number): number {
      return Number(insertBatch.run(fileName, importedAt, rowCount).lastInsertRowid);
    },
    list(): ImportBatch[] {
      return selectAll.all().map(toBatch);
    },
    get(id: number): ImportBatch | null {
      const row = selectOne.get(id);
      return row ? toBatch(row) : null;
    },
    /** False when the batch was already undone. */
    markUndone(id: number, at: string): boolean {
      return markUndone.run(at, id).changes > 0;
    },
  };
}
