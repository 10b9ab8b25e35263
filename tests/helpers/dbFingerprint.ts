import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type Database from 'better-sqlite3';

/** Every table of the database (FTS shadow tables included), in a stable order. */
export function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
}

/**
 * A hash of the schema and of every row of every table: equal fingerprints mean the data is the
 * same. Nothing is left out: the tests that use it run on a fixed clock, so even the
 * created_at/updated_at columns only change when something was written.
 */
export function fingerprint(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const row of db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name").all()) hash.update(JSON.stringify(row));
  for (const name of tableNames(db)) {
    hash.update(`\u0000table ${name}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : typeof value === 'bigint' ? String(value) : value)));
    }
  }
  return hash.digest('hex');
}

/** Cheap "did anything write?" signals: rows changed on this connection and the schema version. */
export function writeCounters(db: Database.Database): string {
  const changes = db.prepare('SELECT total_changes() AS n').get() as { n: number };
  return `${changes.n}/${db.pragma('schema_version', { simple: true })}`;
}

/** Files under a folder (relative path → size), the database files excepted. */
export function filesUnder(dir: string, skip: (name: string) => boolean = (name) => name.startsWith('branch-ledger.sqlite3')): Map<string, number> {
  const files = new Map<string, number>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!skip(entry.name)) files.set(relative(dir, path), statSync(path).size);
    }
  };
  walk(dir);
  return files;
}
