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

/**
 * Applies every pending migration, each in its own transaction together with its version bump.
 * Foreign keys are off while migrating (table rebuilds need it, as SQLite documents) and every
 * migration must leave `foreign_key_check` clean before it commits.
 */
export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): { from: number; to: number } {
  const from = schemaVersion(db);
  const pending = migrations.filter((migration) => migration.version > from);
  if (pending.length === 0) return { from, to: from };
  const foreignKeysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      db.transaction(() => {
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${migration.name} leaves ${broken.length} broken references`);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
  } finally {
    if (foreignKeysWereOn) db.pragma('foreign_keys = ON');
  }
  return { from, to: schemaVersion(db) };
}
