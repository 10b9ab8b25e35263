import type Database from 'better-sqlite3';
import type { AttendanceStatus, MeetingType } from '../../../shared/domain/meetingTypes';

/** A live record with what 参加组织生活情况 needs: its date, types, 党小组, marks and who was excluded from 应到. */
export interface ParticipationRecordRow {
  id: number;
  heldOn: string;
  types: MeetingType[];
  partyGroupId: number | null;
  marks: { memberId: number; status: AttendanceStatus; makeupOn: string | null }[];
  excludedIds: number[];
}

const STATUS: Record<string, AttendanceStatus> = { p: 'present', l: 'leave', a: 'absent' };

/**
 * Reads for participation: every live record up to a date with its attendance, in one statement
 * returning one row per record (marks packed as "memberId:status[:makeupOn]"). Ten years hold about
 * 2,500 records and 60,000 marks; a row object per mark costs several times more than this.
 */
export function createParticipationRepo(db: Database.Database) {
  const selectRecords = db.prepare<{ to: string }, { id: number; held_on: string; party_group_id: number | null; types: string | null; marks: string | null; excluded: string | null }>(
    `SELECT m.id, m.held_on, m.party_group_id,
       (SELECT group_concat(type) FROM meeting_obligations o WHERE o.meeting_id = m.id) AS types,
       (SELECT group_concat(a.member_id || ':' || substr(a.status, 1, 1) || ifnull(':' || a.makeup_on, '')) FROM meeting_attendance a WHERE a.meeting_id = m.id) AS marks,
       (SELECT group_concat(e.member_id) FROM meeting_exclusions e WHERE e.meeting_id = m.id) AS excluded
     FROM meetings m WHERE m.deleted_at IS NULL AND m.held_on <= @to ORDER BY m.held_on, m.id`,
  );

  return {
    /** Every live record held on or before `to`, oldest first. */
    recordsUpTo(to: string): ParticipationRecordRow[] {
      return selectRecords.all({ to }).map((row) => ({
        id: row.id,
        heldOn: row.held_on,
        types: (row.types ?? '').split(',').filter(Boolean) as MeetingType[],
        partyGroupId: row.party_group_id,
        marks: row.marks
          ? row.marks.split(',').map((packed) => {
              const [memberId, status, makeupOn] = packed.split(':');
              return { memberId: Number(memberId), status: STATUS[status], makeupOn: makeupOn ?? null };
            })
          : [],
        excludedIds: row.excluded ? row.excluded.split(',').map(Number) : [],
      }));
    },
  };
}
