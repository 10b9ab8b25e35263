import type Database from 'better-sqlite3';

export type RulePackSource = 'shipped' | 'imported';

/** A pack as stored: the body is JSON text, validated by the service on every read. */
export interface StoredRulePack {
  id: string;
  version: number;
  name: string;
  body: string;
  source: RulePackSource;
  fileName: string;
  loadedAt: string;
}

export interface StoredRuleOverride {
  packId: string;
  ruleId: string;
  /** JSON text: the changed fields only (period, minimum, severity, window, disabled). */
  changes: string;
  packVersion: number;
  createdAt: string;
}

interface PackRow {
  id: string;
  version: number;
  name: string;
  body: string;
  source: RulePackSource;
  file_name: string;
  loaded_at: string;
}

interface OverrideRow {
  pack_id: string;
  rule_id: string;
  changes: string;
  pack_version: number;
  created_at: string;
}

const toPack = (row: PackRow): StoredRulePack => ({
  id: row.id,
  version: row.version,
  name: row.name,
  body: row.body,
  source: row.source,
  fileName: row.file_name,
  loadedAt: row.loaded_at,
});

const toOverride = (row: OverrideRow): StoredRuleOverride => ({
  packId: row.pack_id,
  ruleId: row.rule_id,
  changes: row.changes,
  packVersion: row.pack_version,
  createdAt: row.created_at,
});

/** Rule packs, the branch's choice and its overrides of single rules (migration 0008). */
export function createRulePacksRepo(db: Database.Database) {
  // Shipped packs first (in the order they were first loaded), then imported ones.
  const selectAll = db.prepare<[], PackRow>(`SELECT * FROM rule_packs ORDER BY source = 'imported', rowid`);
  const selectOne = db.prepare<[string], PackRow>('SELECT * FROM rule_packs WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO rule_packs (id, version, name, body, source, file_name, loaded_at)
     VALUES (@id, @version, @name, @body, @source, @fileName, @loadedAt)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, name = excluded.name, body = excluded.body,
       source = excluded.source, file_name = excluded.file_name, loaded_at = excluded.loaded_at`,
  );
  const selectChoice = db.prepare<[], { pack_id: string }>('SELECT pack_id FROM rule_pack_choice WHERE id = 1');
  const upsertChoice = db.prepare(
    `INSERT INTO rule_pack_choice (id, pack_id, chosen_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET pack_id = excluded.pack_id, chosen_at = excluded.chosen_at`,
  );
  const selectOverrides = db.prepare<[string], OverrideRow>('SELECT * FROM rule_overrides WHERE pack_id = ? ORDER BY created_at, rule_id');
  const upsertOverride = db.prepare(
    `INSERT INTO rule_overrides (pack_id, rule_id, changes, pack_version, created_at) VALUES (@packId, @ruleId, @changes, @packVersion, @createdAt)
     ON CONFLICT (pack_id, rule_id) DO UPDATE SET changes = excluded.changes, pack_version = excluded.pack_version, created_at = excluded.created_at`,
  );
  const deleteOverride = db.prepare('DELETE FROM rule_overrides WHERE pack_id = ? AND rule_id = ?');

  return {
    list(): StoredRulePack[] {
      return selectAll.all().map(toPack);
    },
    get(id: string): StoredRulePack | null {
      const row = selectOne.get(id);
      return row ? toPack(row) : null;
    },
    /** Inserts the pack or replaces the stored version of the same id. */
    put(pack: StoredRulePack): void {
      upsert.run(pack);
    },
    /** The chosen pack id, or null before the branch has chosen. */
    choice(): string | null {
      return selectChoice.get()?.pack_id ?? null;
    },
    choose(packId: string, now: string): void {
      upsertChoice.run(packId, now);
    },
    overrides(packId: string): StoredRuleOverride[] {
      return selectOverrides.all(packId).map(toOverride);
    },
    putOverride(override: StoredRuleOverride): void {
      upsertOverride.run(override);
    },
    /** True when there was an override to remove. */
    deleteOverride(packId: string, ruleId: string): boolean {
      return deleteOverride.run(packId, ruleId).changes > 0;
    },
  };
}
