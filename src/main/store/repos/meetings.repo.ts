import type Database from 'better-sqlite3';
import { wordCondition } from './searchQuery';
import type { GuestKind, MeetingRecord } from '../../../shared/contract/meetings';
import { MEETING_TYPES, type AttendanceStatus, type LeaveKind, type MeetingType } from '../../../shared/domain/meetingTypes';

/** A whole record as written: the meeting row and every part of it, names already resolved. */
export interface MeetingWrite {
  types: MeetingType[];
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
  lecturerMemberId?: number | null;
  lecturerName?: string | null;
  lectureTitle?: string | null;
  recordedOn: string;
  summary: string | null;
  attendance: {
    memberId: number;
    status: AttendanceStatus;
    leaveKind: LeaveKind | null;
    reason: string | null;
    makeupOn?: string | null;
    makeupBy?: string | null;
    makeupMethod?: string | null;
  }[];
  agenda?: { title: string; speeches: { speakerMemberId: number | null; speakerName: string; summary: string }[] }[];
  /** A decision with an id updates that saved decision (keeping its follow-up state); without one it is new. */
  decisions?: { id?: number | null; text: string; agendaPosition: number | null; ownerMemberId: number | null; ownerName: string | null; dueOn: string | null }[];
  votes?: { subject: string; agendaPosition: number | null; yes: number; no: number; abstain: number; writtenYes: number; writtenNo: number }[];
  guests?: { kind: GuestKind; name: string; note: string | null }[];
  exclusions?: { memberId: number; reason: string }[];
}

/** The stored record without what services compute (assessment, lag, member names). */
export type MeetingStored = Omit<MeetingRecord, 'assessment' | 'recordLagDays' | 'attendance'> & {
  attendance: Omit<MeetingRecord['attendance'][number], 'name'>[];
};

interface MeetingRow {
  id: number;
  version: number;
  held_on: string;
  starts_at: string | null;
  ends_at: string | null;
  location: string | null;
  topic: string;
  party_group_id: number | null;
  host_member_id: number | null;
  host_name: string | null;
  recorder_member_id: number | null;
  recorder_name: string | null;
  lecturer_member_id: number | null;
  lecturer_name: string | null;
  lecture_title: string | null;
  recorded_on: string;
  summary: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingSummaryRow {
  id: number;
  heldOn: string;
  topic: string;
  partyGroupId: number | null;
  hostName: string | null;
  lecturerMemberId: number | null;
  recordedOn: string;
  types: MeetingType[];
  attachmentCount: number;
}

/**
 * "Filter by person" = the member took part: marked 出席, or chaired, recorded, lectured or spoke (roles
 * one holds by being there) unless marked 请假/缺席 for that record — the mark wins. Owning a decision
 * does not count.
 */
const TOOK_PART = `(EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.member_id = @member AND a.status = 'present')
  OR ((m.host_member_id = @member OR m.recorder_member_id = @member OR m.lecturer_member_id = @member
       OR EXISTS (SELECT 1 FROM meeting_agenda_items i JOIN meeting_speeches s ON s.agenda_item_id = i.id WHERE i.meeting_id = m.id AND s.speaker_member_id = @member))
      AND NOT EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.member_id = @member AND a.status <> 'present')))`;

/** Where a search entry's text comes from (meeting_search.field). */
export type SearchField = 'topic' | 'lectureTitle' | 'location' | 'summary' | 'agenda' | 'speech' | 'decision' | 'vote';

/** Types in the order DOMAIN §2 lists them, whatever order they were entered in. */
function canonicalOrder(types: MeetingType[]): MeetingType[] {
  return [...types].sort((a, b) => MEETING_TYPES.indexOf(a) - MEETING_TYPES.indexOf(b));
}

export function createMeetingsRepo(db: Database.Database) {
  const meetingColumns = `held_on = @heldOn, starts_at = @startsAt, ends_at = @endsAt, location = @location, topic = @topic,
    party_group_id = @partyGroupId, host_member_id = @hostMemberId, host_name = @hostName, recorder_member_id = @recorderMemberId,
    recorder_name = @recorderName, lecturer_member_id = @lecturerMemberId, lecturer_name = @lecturerName, lecture_title = @lectureTitle,
    recorded_on = @recordedOn, summary = @summary`;
  const insertMeeting = db.prepare(
    `INSERT INTO meetings (held_on, starts_at, ends_at, location, topic, party_group_id, host_member_id, host_name,
       recorder_member_id, recorder_name, lecturer_member_id, lecturer_name, lecture_title, recorded_on, summary, created_at, updated_at)
     VALUES (@heldOn, @startsAt, @endsAt, @location, @topic, @partyGroupId, @hostMemberId, @hostName,
       @recorderMemberId, @recorderName, @lecturerMemberId, @lecturerName, @lectureTitle, @recordedOn, @summary, @now, @now)`,
  );
  // Records marked deleted (deleted_at set) are invisible to every read and write below except
  // restore and purge: they wait for 撤销 or for the next start of the app.
  const updateMeeting = db.prepare(
    `UPDATE meetings SET ${meetingColumns}, version = version + 1, updated_at = @now WHERE id = @id AND version = @version AND deleted_at IS NULL`,
  );
  const insertObligation = db.prepare('INSERT INTO meeting_obligations (meeting_id, type) VALUES (?, ?)');
  const insertAttendance = db.prepare(
    `INSERT INTO meeting_attendance (meeting_id, member_id, status, leave_kind, reason, makeup_on, makeup_by, makeup_method)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAgenda = db.prepare('INSERT INTO meeting_agenda_items (meeting_id, position, title) VALUES (?, ?, ?)');
  const insertSpeech = db.prepare('INSERT INTO meeting_speeches (agenda_item_id, position, speaker_member_id, speaker_name, summary) VALUES (?, ?, ?, ?, ?)');
  const insertDecision = db.prepare(
    `INSERT INTO meeting_decisions (meeting_id, position, agenda_position, text, owner_member_id, owner_name, due_on)
     VALUES (@meetingId, @position, @agendaPosition, @text, @ownerMemberId, @ownerName, @dueOn)`,
  );
  // Only what the record's editor changes; the follow-up state (closed_*) is left as it is.
  const updateDecision = db.prepare(
    `UPDATE meeting_decisions SET position = @position, agenda_position = @agendaPosition, text = @text, owner_member_id = @ownerMemberId,
       owner_name = @ownerName, due_on = @dueOn WHERE id = @id AND meeting_id = @meetingId`,
  );
  const selectDecisionIds = db.prepare<[number], { id: number }>('SELECT id FROM meeting_decisions WHERE meeting_id = ?');
  const deleteDecision = db.prepare('DELETE FROM meeting_decisions WHERE id = ?');
  const insertVote = db.prepare(
    `INSERT INTO meeting_votes (meeting_id, position, agenda_position, subject, yes, no, abstain, written_yes, written_no)
     VALUES (@meetingId, @position, @agendaPosition, @subject, @yes, @no, @abstain, @writtenYes, @writtenNo)`,
  );
  const insertGuest = db.prepare('INSERT INTO meeting_guests (meeting_id, position, kind, name, note) VALUES (?, ?, ?, ?, ?)');
  const insertExclusion = db.prepare('INSERT INTO meeting_exclusions (meeting_id, member_id, reason) VALUES (?, ?, ?)');
  // Decisions are not replaced wholesale: they are matched by id (see writeDecisions).
  const deleteParts = ['meeting_obligations', 'meeting_attendance', 'meeting_agenda_items', 'meeting_votes', 'meeting_guests', 'meeting_exclusions'].map(
    (table) => db.prepare(`DELETE FROM ${table} WHERE meeting_id = ?`),
  );
  const selectMeeting = db.prepare<[number], MeetingRow>('SELECT * FROM meetings WHERE id = ? AND deleted_at IS NULL');
  const selectTypes = db.prepare<[number], { type: MeetingType }>('SELECT type FROM meeting_obligations WHERE meeting_id = ?');
  const selectAttendance = db.prepare<[number], { member_id: number; status: AttendanceStatus; leave_kind: LeaveKind | null; reason: string | null; makeup_on: string | null; makeup_by: string | null; makeup_method: string | null }>(
    'SELECT * FROM meeting_attendance WHERE meeting_id = ? ORDER BY member_id',
  );
  const selectAgenda = db.prepare<[number], { id: number; title: string }>('SELECT id, title FROM meeting_agenda_items WHERE meeting_id = ? ORDER BY position');
  const selectSpeeches = db.prepare<[number], { speaker_member_id: number | null; speaker_name: string; summary: string }>(
    'SELECT speaker_member_id, speaker_name, summary FROM meeting_speeches WHERE agenda_item_id = ? ORDER BY position',
  );
  const selectDecisions = db.prepare<
    [number],
    {
      id: number;
      agenda_position: number | null;
      text: string;
      owner_member_id: number | null;
      owner_name: string | null;
      due_on: string | null;
      closed_on: string | null;
      closed_note: string | null;
      closed_meeting_id: number | null;
      closed_meeting_held_on: string | null;
      closed_meeting_topic: string | null;
    }
  >(
    `SELECT d.*, c.held_on AS closed_meeting_held_on, c.topic AS closed_meeting_topic
     FROM meeting_decisions d LEFT JOIN meetings c ON c.id = d.closed_meeting_id AND c.deleted_at IS NULL
     WHERE d.meeting_id = ? ORDER BY d.position`,
  );
  const selectVotes = db.prepare<[number], { subject: string; agenda_position: number | null; yes: number; no: number; abstain: number; written_yes: number; written_no: number }>(
    'SELECT * FROM meeting_votes WHERE meeting_id = ? ORDER BY position',
  );
  const selectGuests = db.prepare<[number], { kind: GuestKind; name: string; note: string | null }>('SELECT kind, name, note FROM meeting_guests WHERE meeting_id = ? ORDER BY position');
  const selectExclusions = db.prepare<[number], { member_id: number; reason: string }>('SELECT member_id, reason FROM meeting_exclusions WHERE meeting_id = ? ORDER BY member_id');
  const markDeleted = db.prepare('UPDATE meetings SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL');
  const unmarkDeleted = db.prepare('UPDATE meetings SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL');
  const purgeMarked = db.prepare('DELETE FROM meetings WHERE deleted_at IS NOT NULL');
  const countPerYear = db.prepare<[], { year: string; count: number }>(
    `SELECT substr(held_on, 1, 4) AS year, COUNT(*) AS count FROM meetings WHERE deleted_at IS NULL GROUP BY year ORDER BY year DESC`,
  );
  // The one place that decides which records a list shows (never those marked deleted); search narrows it by `ids`.
  // Only the listed columns: reading whole rows (summary text and all) costs more than the query.
  const selectSummaries = db.prepare<
    { from: string | null; to: string | null; type: string | null; group: number | null; member: number | null; ids: string | null },
    Pick<MeetingRow, 'id' | 'held_on' | 'topic' | 'party_group_id' | 'host_name' | 'recorded_on' | 'lecturer_member_id'> & { types: string; attachment_count: number }
  >(
    `SELECT m.id, m.held_on, m.topic, m.party_group_id, m.host_name, m.recorded_on, m.lecturer_member_id, (SELECT group_concat(type) FROM meeting_obligations o WHERE o.meeting_id = m.id) AS types,
       (SELECT COUNT(*) FROM attachments a WHERE a.meeting_id = m.id) AS attachment_count FROM meetings m
     WHERE m.deleted_at IS NULL AND (@from IS NULL OR m.held_on >= @from) AND (@to IS NULL OR m.held_on < @to)
       AND (@group IS NULL OR m.party_group_id = @group)
       AND (@type IS NULL OR EXISTS (SELECT 1 FROM meeting_obligations o WHERE o.meeting_id = m.id AND o.type = @type))
       AND (@member IS NULL OR ${TOOK_PART})
       AND (@ids IS NULL OR m.id IN (SELECT value FROM json_each(@ids)))
     ORDER BY m.held_on DESC, m.id DESC`,
  );
  const searchStatements = new Map<string, Database.Statement<[string], { rowid: number; meeting_id: number; field: string; body: string }>>();
  const selectPresentOf = db.prepare<[string], { meeting_id: number; present: string }>(
    `SELECT meeting_id, group_concat(member_id) AS present FROM meeting_attendance
     WHERE status = 'present' AND meeting_id IN (SELECT value FROM json_each(?)) GROUP BY meeting_id`,
  );
  const selectExclusionsOf = db.prepare<[string], { meeting_id: number; member_id: number; reason: string }>(
    'SELECT meeting_id, member_id, reason FROM meeting_exclusions WHERE meeting_id IN (SELECT value FROM json_each(?))',
  );

  /**
   * Decisions are matched by id: a saved one is updated in place (its follow-up state stays), a new
   * one is inserted, and a saved one no longer listed is deleted. The service checks the ids first.
   */
  function writeDecisions(meetingId: number, decisions: NonNullable<MeetingWrite['decisions']>) {
    const kept = new Set(decisions.map((decision) => decision.id).filter((id): id is number => typeof id === 'number'));
    for (const { id } of selectDecisionIds.all(meetingId)) if (!kept.has(id)) deleteDecision.run(id);
    decisions.forEach((decision, position) => {
      const values = { meetingId, position, agendaPosition: decision.agendaPosition, text: decision.text, ownerMemberId: decision.ownerMemberId, ownerName: decision.ownerName, dueOn: decision.dueOn };
      if (typeof decision.id === 'number') updateDecision.run({ ...values, id: decision.id });
      else insertDecision.run(values);
    });
  }

  /** Writes every part of a record. */
  function writeParts(meetingId: number, meeting: MeetingWrite) {
    for (const type of meeting.types) insertObligation.run(meetingId, type);
    for (const entry of meeting.attendance) {
      insertAttendance.run(meetingId, entry.memberId, entry.status, entry.leaveKind, entry.reason, entry.makeupOn ?? null, entry.makeupBy ?? null, entry.makeupMethod ?? null);
    }
    (meeting.agenda ?? []).forEach((item, position) => {
      const itemId = Number(insertAgenda.run(meetingId, position, item.title).lastInsertRowid);
      item.speeches.forEach((speech, index) => insertSpeech.run(itemId, index, speech.speakerMemberId, speech.speakerName, speech.summary));
    });
    writeDecisions(meetingId, meeting.decisions ?? []);
    (meeting.votes ?? []).forEach((vote, position) => insertVote.run({ meetingId, position, ...vote }));
    (meeting.guests ?? []).forEach((guest, position) => insertGuest.run(meetingId, position, guest.kind, guest.name, guest.note));
    for (const exclusion of meeting.exclusions ?? []) insertExclusion.run(meetingId, exclusion.memberId, exclusion.reason);
  }

  const meetingParams = (meeting: MeetingWrite) => ({
    heldOn: meeting.heldOn,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    location: meeting.location,
    topic: meeting.topic,
    partyGroupId: meeting.partyGroupId,
    hostMemberId: meeting.hostMemberId,
    hostName: meeting.hostName,
    recorderMemberId: meeting.recorderMemberId,
    recorderName: meeting.recorderName,
    lecturerMemberId: meeting.lecturerMemberId ?? null,
    lecturerName: meeting.lecturerName ?? null,
    lectureTitle: meeting.lectureTitle ?? null,
    recordedOn: meeting.recordedOn,
    summary: meeting.summary,
  });

  return {
    /** Inserts one record with all its parts; the caller wraps it in a transaction. */
    insert(meeting: MeetingWrite, now: string): number {
      const id = Number(insertMeeting.run({ ...meetingParams(meeting), now }).lastInsertRowid);
      writeParts(id, meeting);
      return id;
    },
    /** Replaces a record's content; false when the stored version differs (someone saved first). */
    replace(id: number, version: number, meeting: MeetingWrite, now: string): boolean {
      if (updateMeeting.run({ ...meetingParams(meeting), id, version, now }).changes === 0) return false;
      for (const statement of deleteParts) statement.run(id);
      writeParts(id, meeting);
      return true;
    },
    get(id: number): MeetingStored | null {
      const row = selectMeeting.get(id);
      if (!row) return null;
      return {
        id: row.id,
        version: row.version,
        types: canonicalOrder(selectTypes.all(id).map((entry) => entry.type)),
        partyGroupId: row.party_group_id,
        heldOn: row.held_on,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        location: row.location,
        topic: row.topic,
        hostMemberId: row.host_member_id,
        hostName: row.host_name,
        recorderMemberId: row.recorder_member_id,
        recorderName: row.recorder_name,
        lecturerMemberId: row.lecturer_member_id,
        lecturerName: row.lecturer_name,
        lectureTitle: row.lecture_title,
        recordedOn: row.recorded_on,
        summary: row.summary,
        agenda: selectAgenda.all(id).map((item) => ({
          title: item.title,
          speeches: selectSpeeches.all(item.id).map((speech) => ({ speakerMemberId: speech.speaker_member_id, speakerName: speech.speaker_name, summary: speech.summary })),
        })),
        decisions: selectDecisions.all(id).map((decision) => ({
          id: decision.id,
          text: decision.text,
          agendaPosition: decision.agenda_position,
          ownerMemberId: decision.owner_member_id,
          ownerName: decision.owner_name,
          dueOn: decision.due_on,
          closedOn: decision.closed_on,
          closedNote: decision.closed_note,
          closedMeeting:
            decision.closed_meeting_id !== null && decision.closed_meeting_held_on !== null
              ? { id: decision.closed_meeting_id, heldOn: decision.closed_meeting_held_on, topic: decision.closed_meeting_topic ?? '' }
              : null,
        })),
        votes: selectVotes.all(id).map((vote) => ({
          subject: vote.subject,
          agendaPosition: vote.agenda_position,
          yes: vote.yes,
          no: vote.no,
          abstain: vote.abstain,
          writtenYes: vote.written_yes,
          writtenNo: vote.written_no,
        })),
        attendance: selectAttendance.all(id).map((entry) => ({
          memberId: entry.member_id,
          status: entry.status,
          leaveKind: entry.leave_kind,
          reason: entry.reason,
          makeupOn: entry.makeup_on,
          makeupBy: entry.makeup_by,
          makeupMethod: entry.makeup_method,
        })),
        guests: selectGuests.all(id),
        exclusions: selectExclusions.all(id).map((entry) => ({ memberId: entry.member_id, reason: entry.reason })),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    },
    summaries(filter: { year?: number; type?: MeetingType; partyGroupId?: number; memberId?: number; ids?: readonly number[] }): MeetingSummaryRow[] {
      return selectSummaries
        .all({
          from: filter.year ? `${filter.year}-01-01` : null,
          to: filter.year ? `${filter.year + 1}-01-01` : null,
          type: filter.type ?? null,
          group: filter.partyGroupId ?? null,
          member: filter.memberId ?? null,
          ids: filter.ids ? JSON.stringify(filter.ids) : null,
        })
        .map((row) => ({
          id: row.id,
          heldOn: row.held_on,
          topic: row.topic,
          partyGroupId: row.party_group_id,
          hostName: row.host_name,
          recordedOn: row.recorded_on,
          lecturerMemberId: row.lecturer_member_id,
          types: canonicalOrder((row.types ?? '').split(',').filter(Boolean) as MeetingType[]),
          attachmentCount: row.attachment_count,
        }));
    },
    /**
     * Search entries containing `word` (already lower-cased), with their text (read anyway by LIKE,
     * and cheaper here than a second lookup per hit). Records are not filtered here: pass their ids
     * to `summaries`, which applies every other condition.
     */
    searchHits(word: string): { entryId: number; meetingId: number; field: SearchField; body: string }[] {
      const condition = wordCondition(word);
      let statement = searchStatements.get(condition.kind);
      if (!statement) {
        statement = db.prepare(`SELECT rowid, meeting_id, field, body FROM meeting_search WHERE ${condition.sql}`);
        searchStatements.set(condition.kind, statement);
      }
      return statement.all(condition.param).map((row) => ({ entryId: row.rowid, meetingId: row.meeting_id, field: row.field as SearchField, body: row.body }));
    },
    /** What 应到/实到 needs of many records at once (a list would otherwise read each record whole): who was present, who was excluded. */
    attendanceOf(ids: readonly number[]): Map<number, { present: number[]; exclusions: { memberId: number; reason: string }[] }> {
      const parts = new Map(ids.map((id) => [id, { present: [] as number[], exclusions: [] as { memberId: number; reason: string }[] }]));
      if (ids.length === 0) return parts;
      const json = JSON.stringify(ids);
      for (const row of selectPresentOf.all(json)) {
        const entry = parts.get(row.meeting_id);
        if (entry) entry.present = row.present.split(',').map(Number);
      }
      for (const row of selectExclusionsOf.all(json)) parts.get(row.meeting_id)?.exclusions.push({ memberId: row.member_id, reason: row.reason });
      return parts;
    },
    /** Marks a record deleted (undoable until purge); false when there is no such live record. */
    delete(id: number, now: string): boolean {
      return markDeleted.run(now, id).changes > 0;
    },
    /** Brings back a record marked deleted; false when it is not marked (or already purged). */
    restore(id: number): boolean {
      return unmarkDeleted.run(id).changes > 0;
    },
    /** Removes every record marked deleted, with all its parts and attachment rows; returns how many. */
    purgeDeleted(): number {
      return purgeMarked.run().changes;
    },
    countPerYear(): { year: number; count: number }[] {
      return countPerYear.all().map((row) => ({ year: Number(row.year), count: row.count }));
    },
  };
}
