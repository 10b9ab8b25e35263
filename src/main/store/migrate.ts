import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Bundled at build time (vite), so the desktop app, browser mode and CLI carry the same SQL.
const files = import.meta.glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

export function parseMigrations(sources: Record<string, string>): Migration[] {
  const migrations = Object.entries(sources)
    .map(([path, sql]) => {
      const name = path.split('/').pop()!.replace(/\.sql$/, '');
      const match = /^(\d{4})_[a-z0-9_]+$/.exec(name);
      if (!match) throw new Error(`migration file name must look like 0001_verb_object.sql: ${path}`);
      return { version: Number(match[1]), name, sql };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migrations must be numbered 1..N without gaps: ${migration.name}`);
  });
  return migrations;
}

export const MIGRATIONS = parseMigrations(files);
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every pending migration, each in its own transaction together with its version bump. */
export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): { from: number; to: number } {
  const from = schemaVersion(db);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: schemaVersion(db) };
}
