import type Database from 'better-sqlite3';
import type { PlanItem } from '../../../shared/domain/annualPlan';
import type { MeetingType } from '../../../shared/domain/meetingTypes';

interface ItemRow {
  planned_on: string;
  types: string;
  party_group_id: number | null;
  topic: string;
  owner: string;
}

/** Saved 年度计划 (migration 0009) and the branch settings they need. */
export function createPlansRepo(db: Database.Database) {
  const selectSetting = db.prepare<[string], { value: string }>('SELECT value FROM branch_settings WHERE key = ?');
  const upsertSetting = db.prepare(
    `INSERT INTO branch_settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const selectPlan = db.prepare<[number], { themed_day: string; saved_at: string }>('SELECT themed_day, saved_at FROM annual_plans WHERE year = ?');
  const selectItems = db.prepare<[number], ItemRow>('SELECT planned_on, types, party_group_id, topic, owner FROM annual_plan_items WHERE year = ? ORDER BY seq');
  const upsertPlan = db.prepare(
    `INSERT INTO annual_plans (year, themed_day, saved_at) VALUES (?, ?, ?)
     ON CONFLICT (year) DO UPDATE SET themed_day = excluded.themed_day, saved_at = excluded.saved_at`,
  );
  const deleteItems = db.prepare('DELETE FROM annual_plan_items WHERE year = ?');
  const insertItem = db.prepare(
    `INSERT INTO annual_plan_items (year, seq, planned_on, types, party_group_id, topic, owner)
     VALUES (@year, @seq, @plannedOn, @types, @partyGroupId, @topic, @owner)`,
  );

  return {
    /** A setting's JSON text, or null when never set. */
    setting(key: string): string | null {
      return selectSetting.get(key)?.value ?? null;
    },
    putSetting(key: string, json: string, now: string): void {
      upsertSetting.run(key, json, now);
    },
    get(year: number): { themedDay: string; savedAt: string; items: PlanItem[] } | null {
      const plan = selectPlan.get(year);
      if (!plan) return null;
      const items = selectItems.all(year).map((row) => ({
        plannedOn: row.planned_on,
        types: JSON.parse(row.types) as MeetingType[],
        partyGroupId: row.party_group_id,
        topic: row.topic,
        owner: row.owner,
      }));
      return { themedDay: plan.themed_day, savedAt: plan.saved_at, items };
    },
    /** Replaces the year's plan; call inside a transaction. */
    put(year: number, themedDay: string, items: readonly PlanItem[], now: string): void {
      upsertPlan.run(year, themedDay, now);
      deleteItems.run(year);
      items.forEach((item, index) => insertItem.run({ year, seq: index + 1, ...item, types: JSON.stringify(item.types) }));
    },
  };
}
