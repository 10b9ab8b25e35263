import type Database from 'better-sqlite3';
import type { AttendanceStatus, MeetingType } from '../../../shared/domain/meetingTypes';

/** A live record with what 参加组织生活情况 needs: its date, types, 党小组, marks and exclusions. */
export interface ParticipationRecordRow {
  id: number;
  heldOn: string;
  types: MeetingType[];
  partyGroupId: number | null;
  marks: { memberId: number; status: AttendanceStatus; makeupOn: string | null }[];
  exclusions: { memberId: number; reason: string }[];
}

/**
 * Reads for participation: every live record up to a date with its attendance, in three statements
 * (records, marks, exclusions) rather than one read per record — ten years hold about 2,500 records.
 */
export function createParticipationRepo(db: Database.Database) {
  const selectRecords = db.prepare<{ to: string }, { id: number; held_on: string; party_group_id: number | null; types: string | null }>(
    `SELECT m.id, m.held_on, m.party_group_id, (SELECT group_concat(type) FROM meeting_obligations o WHERE o.meeting_id = m.id) AS types
     FROM meetings m WHERE m.deleted_at IS NULL AND m.held_on <= @to ORDER BY m.held_on, m.id`,
  );
  const selectMarks = db.prepare<{ to: string }, { meeting_id: number; member_id: number; status: AttendanceStatus; makeup_on: string | null }>(
    `SELECT a.meeting_id, a.member_id, a.status, a.makeup_on FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id
     WHERE m.deleted_at IS NULL AND m.held_on <= @to`,
  );
  const selectExclusions = db.prepare<{ to: string }, { meeting_id: number; member_id: number; reason: string }>(
    `SELECT e.meeting_id, e.member_id, e.reason FROM meeting_exclusions e JOIN meetings m ON m.id = e.meeting_id
     WHERE m.deleted_at IS NULL AND m.held_on <= @to`,
  );

  return {
    /** Every live record held on or before `to`, oldest first. */
    recordsUpTo(to: string): ParticipationRecordRow[] {
      const records = selectRecords.all({ to }).map(
        (row): ParticipationRecordRow => ({
          id: row.id,
          heldOn: row.held_on,
          types: (row.types ?? '').split(',').filter(Boolean) as MeetingType[],
          partyGroupId: row.party_group_id,
          marks: [],
          exclusions: [],
        }),
      );
      const byId = new Map(records.map((record) => [record.id, record]));
      for (const row of selectMarks.all({ to })) byId.get(row.meeting_id)?.marks.push({ memberId: row.member_id, status: row.status, makeupOn: row.makeup_on });
      for (const row of selectExclusions.all({ to })) byId.get(row.meeting_id)?.exclusions.push({ memberId: row.member_id, reason: row.reason });
      return records;
    },
  };
}
