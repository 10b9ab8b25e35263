import type Database from 'better-sqlite3';
import type { AttendanceStatus, LeaveKind, MeetingType } from '../../../shared/domain/meetingTypes';

export interface NewMeeting {
  heldOn: string;
  startsAt: string | null;
  endsAt: string | null;
  location: string | null;
  topic: string;
  partyGroupId: number | null;
  hostMemberId: number | null;
  hostName: string | null;
  recorderMemberId: number | null;
  recorderName: string | null;
  recordedOn: string;
  summary: string | null;
  types: MeetingType[];
  attendance: { memberId: number; status: AttendanceStatus; leaveKind: LeaveKind | null; reason: string | null }[];
}

export function createMeetingsRepo(db: Database.Database) {
  const insertMeeting = db.prepare(
    `INSERT INTO meetings (held_on, starts_at, ends_at, location, topic, party_group_id, host_member_id, host_name,
       recorder_member_id, recorder_name, recorded_on, summary, created_at, updated_at)
     VALUES (@heldOn, @startsAt, @endsAt, @location, @topic, @partyGroupId, @hostMemberId, @hostName,
       @recorderMemberId, @recorderName, @recordedOn, @summary, @now, @now)`,
  );
  const insertObligation = db.prepare('INSERT INTO meeting_obligations (meeting_id, type) VALUES (?, ?)');
  const insertAttendance = db.prepare(
    'INSERT INTO meeting_attendance (meeting_id, member_id, status, leave_kind, reason) VALUES (?, ?, ?, ?, ?)',
  );
  const countPerYear = db.prepare<[], { year: string; count: number }>(
    `SELECT substr(held_on, 1, 4) AS year, COUNT(*) AS count FROM meetings GROUP BY year ORDER BY year DESC`,
  );

  return {
    /** Inserts one event with its obligations and attendance; the caller wraps it in a transaction. */
    insert(meeting: NewMeeting, now: string): number {
      const { types, attendance, ...fields } = meeting;
      const id = Number(insertMeeting.run({ ...fields, now }).lastInsertRowid);
      for (const type of types) insertObligation.run(id, type);
      for (const entry of attendance) insertAttendance.run(id, entry.memberId, entry.status, entry.leaveKind, entry.reason);
      return id;
    },
    countPerYear(): { year: number; count: number }[] {
      return countPerYear.all().map((row) => ({ year: Number(row.year), count: row.count }));
    },
  };
}
