import type Database from 'better-sqlite3';

export function createSystemRepo(db: Database.Database) {
  const tableNames = db.prepare<[], { name: string }>(
    `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );

  return {
    integrityCheck(): string[] {
      return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    },
    foreignKeyProblems(): number {
      return (db.pragma('foreign_key_check') as unknown[]).length;
    },
    rowCounts(): Record<string, number> {
      const counts: Record<string, number> = {};
      for (const { name } of tableNames.all()) {
        // Table names come from sqlite_schema, not from input; quoting still guards odd names.
        counts[name] = (db.prepare(`SELECT COUNT(*) AS count FROM "${name.replace(/"/g, '""')}"`).get() as { count: number }).count;
      }
      return counts;
    },
    sizeBytes(): number {
      const pageCount = db.pragma('page_count', { simple: true }) as number;
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      return pageCount * pageSize;
    },
  };
}
