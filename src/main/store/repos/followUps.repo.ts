import type Database from 'better-sqlite3';
import { MEETING_TYPES, type MeetingType } from '../../../shared/domain/meetingTypes';

/** A decision with the meetings it refers to; the service adds the status as of today. */
export interface FollowUpRow {
  id: number;
  text: string;
  meeting: { id: number; heldOn: string; topic: string; types: MeetingType[] };
  ownerMemberId: number | null;
  ownerName: string | null;
  dueOn: string | null;
  closedOn: string | null;
  closedNote: string | null;
  closedMeeting: { id: number; heldOn: string; topic: string; types: MeetingType[] } | null;
}

interface Row {
  id: number;
  text: string;
  meeting_id: number;
  meeting_held_on: string;
  meeting_topic: string;
  meeting_types: string | null;
  owner_member_id: number | null;
  owner_name: string | null;
  due_on: string | null;
  closed_on: string | null;
  closed_note: string | null;
  closed_meeting_id: number | null;
  closed_held_on: string | null;
  closed_topic: string | null;
  closed_types: string | null;
}

const typesOf = (value: string | null): MeetingType[] =>
  ((value ?? '').split(',').filter(Boolean) as MeetingType[]).sort((a, b) => MEETING_TYPES.indexOf(a) - MEETING_TYPES.indexOf(b));

const typesSql = (alias: string) => `(SELECT group_concat(type) FROM meeting_obligations o WHERE o.meeting_id = ${alias}.id)`;

const SELECT = `SELECT d.id, d.text, m.id AS meeting_id, m.held_on AS meeting_held_on, m.topic AS meeting_topic, ${typesSql('m')} AS meeting_types,
    d.owner_member_id, d.owner_name, d.due_on, d.closed_on, d.closed_note, c.id AS closed_meeting_id, c.held_on AS closed_held_on,
    c.topic AS closed_topic, ${typesSql('c')} AS closed_types
  FROM meeting_decisions d JOIN meetings m ON m.id = d.meeting_id AND m.deleted_at IS NULL
  LEFT JOIN meetings c ON c.id = d.closed_meeting_id AND c.deleted_at IS NULL`;

function toFollowUp(row: Row): FollowUpRow {
  return {
    id: row.id,
    text: row.text,
    meeting: { id: row.meeting_id, heldOn: row.meeting_held_on, topic: row.meeting_topic, types: typesOf(row.meeting_types) },
    ownerMemberId: row.owner_member_id,
    ownerName: row.owner_name,
    dueOn: row.due_on,
    closedOn: row.closed_on,
    closedNote: row.closed_note,
    closedMeeting:
      row.closed_meeting_id !== null && row.closed_held_on !== null
        ? { id: row.closed_meeting_id, heldOn: row.closed_held_on, topic: row.closed_topic ?? '', types: typesOf(row.closed_types) }
        : null,
  };
}

export function createFollowUpsRepo(db: Database.Database) {
  // A decision is followed up when it has an owner or a due date; a closed one is listed whatever it had.
  const selectTracked = db.prepare<{ closed: number | null }, Row>(
    `${SELECT}
     WHERE (d.owner_member_id IS NOT NULL OR d.due_on IS NOT NULL OR d.closed_on IS NOT NULL)
       AND (@closed IS NULL OR (d.closed_on IS NOT NULL) = @closed)
     ORDER BY d.due_on IS NULL, d.due_on, m.held_on, d.position`,
  );
  const selectOne = db.prepare<[number], Row>(`${SELECT} WHERE d.id = ?`);
  const selectClosedAt = db.prepare<[number], Row>(`${SELECT} WHERE d.closed_meeting_id = ?`);
  const selectLater = db.prepare<{ heldOn: string; id: number }, { id: number; held_on: string; topic: string; types: string | null }>(
    `SELECT m.id, m.held_on, m.topic, ${typesSql('m')} AS types FROM meetings m
     WHERE m.held_on >= @heldOn AND m.id <> @id AND m.deleted_at IS NULL ORDER BY m.held_on, m.id LIMIT 200`,
  );
  const selectMeeting = db.prepare<[number], { id: number; held_on: string }>('SELECT id, held_on FROM meetings WHERE id = ? AND deleted_at IS NULL');
  const close = db.prepare(
    'UPDATE meeting_decisions SET closed_on = @closedOn, closed_note = @note, closed_meeting_id = @closedMeetingId WHERE id = @id',
  );
  const reopen = db.prepare('UPDATE meeting_decisions SET closed_on = NULL, closed_note = NULL, closed_meeting_id = NULL WHERE id = ?');

  return {
    /** Tracked decisions; closed: true only closed ones, false only open ones, null all. */
    list(closed: boolean | null): FollowUpRow[] {
      return selectTracked.all({ closed: closed === null ? null : Number(closed) }).map(toFollowUp);
    },
    get(id: number): FollowUpRow | null {
      const row = selectOne.get(id);
      return row ? toFollowUp(row) : null;
    },
    /** Decisions reported done at this meeting. */
    closedAt(meetingId: number): { id: number; text: string; meetingHeldOn: string }[] {
      return selectClosedAt.all(meetingId).map((row) => ({ id: row.id, text: row.text, meetingHeldOn: row.meeting_held_on }));
    },
    /** Meetings held on or after `heldOn`, other than the meeting itself, nearest first. */
    meetingsFrom(heldOn: string, exceptId: number) {
      return selectLater.all({ heldOn, id: exceptId }).map((row) => ({ id: row.id, heldOn: row.held_on, topic: row.topic, types: typesOf(row.types) }));
    },
    meetingHeldOn(id: number): string | null {
      return selectMeeting.get(id)?.held_on ?? null;
    },
    close(id: number, closing: { closedOn: string; note: string | null; closedMeetingId: number | null }): void {
      close.run({ id, ...closing });
    },
    reopen(id: number): void {
      reopen.run(id);
    },
  };
}
