import type Database from 'better-sqlite3';

/**
 * Branch-wide settings as JSON values by key (table branch_settings, migration 0009), for features
 * that own a key: 'documentPresets' (设置 → 文书格式), 'yearSummary:YYYY' (年度工作总结 edits).
 * The owning service validates the value.
 */
export function createBranchSettingsRepo(db: Database.Database) {
  const select = db.prepare<[string], { value: string; updated_at: string }>('SELECT value, updated_at FROM branch_settings WHERE key = ?');
  const upsert = db.prepare(
    `INSERT INTO branch_settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM branch_settings WHERE key = ?');
  return {
    /** The value's JSON text and when it was saved, or null when never set. */
    get(key: string): { json: string; updatedAt: string } | null {
      const row = select.get(key);
      return row ? { json: row.value, updatedAt: row.updated_at } : null;
    },
    put(key: string, json: string, now: string): void {
      upsert.run(key, json, now);
    },
    delete(key: string): void {
      remove.run(key);
    },
  };
}
