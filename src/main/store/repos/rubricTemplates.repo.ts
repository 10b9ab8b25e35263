import type Database from 'better-sqlite3';

export type RubricTemplateOrigin = 'shipped' | 'imported' | 'edited';

/** One stored template version: the body is JSON text, validated by the service on every read. */
export interface StoredRubricTemplate {
  id: string;
  version: number;
  status: '官方' | '参考';
  name: string;
  /** JSON text: the scope list. */
  scope: string;
  body: string;
  origin: RubricTemplateOrigin;
  fileName: string | null;
  createdAt: string;
}

interface Row {
  id: string;
  version: number;
  status: '官方' | '参考';
  name: string;
  scope: string;
  body: string;
  origin: RubricTemplateOrigin;
  file_name: string | null;
  created_at: string;
}

const toTemplate = (row: Row): StoredRubricTemplate => ({
  id: row.id,
  version: row.version,
  status: row.status,
  name: row.name,
  scope: row.scope,
  body: row.body,
  origin: row.origin,
  fileName: row.file_name,
  createdAt: row.created_at,
});

/** Rubric template versions (migration 0011). Versions are only ever added, never changed. */
export function createRubricTemplatesRepo(db: Database.Database) {
  // Shipped templates first, in the order they were first loaded, then the branch's own; versions ascending.
  const selectAll = db.prepare<[], Row>(
    `SELECT t.* FROM rubric_templates t
     JOIN (SELECT id, MIN(rowid) AS first, MAX(origin = 'shipped') AS shipped FROM rubric_templates GROUP BY id) f ON f.id = t.id
     ORDER BY f.shipped DESC, f.first, t.version`,
  );
  const selectVersions = db.prepare<[string], Row>('SELECT * FROM rubric_templates WHERE id = ? ORDER BY version');
  const selectOne = db.prepare<[string, number], Row>('SELECT * FROM rubric_templates WHERE id = ? AND version = ?');
  const selectMax = db.prepare<[string], { version: number | null }>('SELECT MAX(version) AS version FROM rubric_templates WHERE id = ?');
  const selectIds = db.prepare<[], { id: string }>('SELECT DISTINCT id FROM rubric_templates');
  const insert = db.prepare(
    `INSERT INTO rubric_templates (id, version, status, name, scope, body, origin, file_name, created_at)
     VALUES (@id, @version, @status, @name, @scope, @body, @origin, @fileName, @createdAt)`,
  );
  // Only for a shipped version whose stored body no longer parses: the same version, repaired.
  const repair = db.prepare(
    `UPDATE rubric_templates SET status = @status, name = @name, scope = @scope, body = @body, file_name = @fileName, created_at = @createdAt
     WHERE id = @id AND version = @version AND origin = 'shipped'`,
  );

  return {
    /** Every version of every template. */
    list(): StoredRubricTemplate[] {
      return selectAll.all().map(toTemplate);
    },
    versions(id: string): StoredRubricTemplate[] {
      return selectVersions.all(id).map(toTemplate);
    },
    get(id: string, version: number): StoredRubricTemplate | null {
      const row = selectOne.get(id, version);
      return row ? toTemplate(row) : null;
    },
    /** The highest stored version of the id, or 0 when there is none. */
    maxVersion(id: string): number {
      return selectMax.get(id)?.version ?? 0;
    },
    ids(): string[] {
      return selectIds.all().map((row) => row.id);
    },
    /** Adds a version; an existing (id, version) is a constraint error, never an overwrite. */
    add(template: StoredRubricTemplate): void {
      insert.run(template);
    },
    /** Rewrites a shipped version whose stored body cannot be read any more; true when a row changed. */
    repairShipped(template: StoredRubricTemplate): boolean {
      return repair.run(template).changes > 0;
    },
  };
}
