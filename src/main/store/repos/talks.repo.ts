import type Database from 'better-sqlite3';
import type { TalkForm } from '../../../shared/contract/talks';

export interface TalkStored {
  version: number;
  form: TalkForm | null;
  participants: { memberId: number | null; name: string }[];
}

export function createTalksRepo(db: Database.Database) {
  const selectTalk = db.prepare<[number], { version: number; form: TalkForm | null }>('SELECT version, form FROM meeting_talks WHERE meeting_id = ?');
  const insertTalk = db.prepare('INSERT INTO meeting_talks (meeting_id, form, version, updated_at) VALUES (?, ?, 1, ?)');
  const updateTalk = db.prepare('UPDATE meeting_talks SET form = ?, version = version + 1, updated_at = ? WHERE meeting_id = ? AND version = ?');
  const selectParticipants = db.prepare<[number], { member_id: number | null; name: string }>(
    'SELECT member_id, name FROM meeting_talk_participants WHERE meeting_id = ? ORDER BY position',
  );
  const deleteParticipants = db.prepare('DELETE FROM meeting_talk_participants WHERE meeting_id = ?');
  const insertParticipant = db.prepare('INSERT INTO meeting_talk_participants (meeting_id, position, member_id, name) VALUES (?, ?, ?, ?)');
  const selectYear = db.prepare<[string], { id: number; held_on: string; members: string | null }>(
    `SELECT m.id, m.held_on,
       (SELECT group_concat(p.member_id) FROM meeting_talk_participants p WHERE p.meeting_id = m.id AND p.member_id IS NOT NULL) AS members
     FROM meetings m JOIN meeting_obligations o ON o.meeting_id = m.id AND o.type = 'heartToHeartTalk'
     WHERE substr(m.held_on, 1, 4) = ? AND m.deleted_at IS NULL ORDER BY m.held_on, m.id`,
  );

  return {
    get(meetingId: number): TalkStored | null {
      const talk = selectTalk.get(meetingId);
      if (!talk) return null;
      return { version: talk.version, form: talk.form, participants: selectParticipants.all(meetingId).map((row) => ({ memberId: row.member_id, name: row.name })) };
    },
    /** Replaces form and participants; false when the version differs. The caller wraps it in a transaction. */
    replace(meetingId: number, version: number, talk: Omit<TalkStored, 'version'>, now: string): boolean {
      if (version === 0) {
        if (selectTalk.get(meetingId)) return false;
        insertTalk.run(meetingId, talk.form, now);
      } else if (updateTalk.run(talk.form, now, meetingId, version).changes === 0) {
        return false;
      }
      deleteParticipants.run(meetingId);
      talk.participants.forEach((participant, position) => insertParticipant.run(meetingId, position, participant.memberId, participant.name));
      return true;
    },
    /** 谈心谈话 records held in `year`, with the members who took part (outsiders left out). */
    ofYear(year: number): { meetingId: number; heldOn: string; memberIds: number[] }[] {
      return selectYear.all(String(year)).map((row) => ({
        meetingId: row.id,
        heldOn: row.held_on,
        memberIds: row.members ? row.members.split(',').map(Number) : [],
      }));
    },
  };
}
