import type Database from 'better-sqlite3';
import type { MeetingType } from '../../../shared/domain/meetingTypes';

/** Lookups for starting a new record: the last record of a type, the last place used. */
export function createMeetingTemplatesRepo(db: Database.Database) {
  const selectLastOfType = db.prepare<{ type: string; group: number | null }, { id: number; held_on: string; topic: string }>(
    `SELECT m.id, m.held_on, m.topic FROM meetings m JOIN meeting_obligations o ON o.meeting_id = m.id
     WHERE o.type = @type AND m.deleted_at IS NULL AND (@group IS NULL OR m.party_group_id = @group)
     ORDER BY m.held_on DESC, m.id DESC LIMIT 1`,
  );
  const selectLastLocation = db.prepare<[], { location: string }>(
    'SELECT location FROM meetings WHERE location IS NOT NULL AND deleted_at IS NULL ORDER BY held_on DESC, id DESC LIMIT 1',
  );
  return {
    /** The most recent record counting for `type` (of one 党小组 when given). */
    lastOfType(type: MeetingType, partyGroupId: number | null = null): { id: number; heldOn: string; topic: string } | null {
      const row = selectLastOfType.get({ type, group: partyGroupId });
      return row ? { id: row.id, heldOn: row.held_on, topic: row.topic } : null;
    },
    lastLocation(): string | null {
      return selectLastLocation.get()?.location ?? null;
    },
  };
}
