import type Database from 'better-sqlite3';
import type { MemberEventRecord } from '../../../shared/contract/memberEvents';
import type { MemberEventKind } from '../../../shared/domain/memberHistory';

interface EventRow {
  id: number;
  member_id: number;
  kind: MemberEventKind;
  occurred_on: string;
  detail: string | null;
  until_on: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

export type NewMemberEvent = Omit<MemberEventRecord, 'id' | 'recordedAt'>;

function toRecord(row: EventRow): MemberEventRecord {
  return {
    id: row.id,
    memberId: row.member_id,
    kind: row.kind,
    occurredOn: row.occurred_on,
    detail: row.detail,
    untilOn: row.until_on,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

export function createMemberEventsRepo(db: Database.Database) {
  const insertEvent = db.prepare(
    `INSERT INTO member_events (member_id, kind, occurred_on, detail, until_on, note, recorded_by, recorded_at)
     VALUES (@memberId, @kind, @occurredOn, @detail, @untilOn, @note, @recordedBy, @now)`,
  );
  const selectById = db.prepare<[number], EventRow>('SELECT * FROM member_events WHERE id = ?');
  const selectForMember = db.prepare<[number], EventRow>('SELECT * FROM member_events WHERE member_id = ? ORDER BY occurred_on, id');
  const selectAll = db.prepare<[], EventRow>('SELECT * FROM member_events ORDER BY member_id, occurred_on, id');
  const selectKind = db.prepare<[number, string], EventRow>('SELECT * FROM member_events WHERE member_id = ? AND kind = ? ORDER BY id LIMIT 1');
  const updateDate = db.prepare('UPDATE member_events SET occurred_on = ? WHERE id = ?');
  const deleteEvent = db.prepare('DELETE FROM member_events WHERE id = ?');

  return {
    get(id: number): MemberEventRecord | null {
      const row = selectById.get(id);
      return row ? toRecord(row) : null;
    },
    forMember(memberId: number): MemberEventRecord[] {
      return selectForMember.all(memberId).map(toRecord);
    },
    /** Every event, grouped by member (rosters compute each member's state from these). */
    byMember(): Map<number, MemberEventRecord[]> {
      const grouped = new Map<number, MemberEventRecord[]>();
      for (const row of selectAll.all()) {
        const list = grouped.get(row.member_id) ?? [];
        list.push(toRecord(row));
        grouped.set(row.member_id, list);
      }
      return grouped;
    },
    insert(event: NewMemberEvent, now: string): MemberEventRecord {
      const id = Number(insertEvent.run({ ...event, now }).lastInsertRowid);
      return toRecord(selectById.get(id)!);
    },
    /** Sets, moves or (with null) removes a member's single 入党 or 转正 event. */
    setSingleDated(memberId: number, kind: 'admitted' | 'confirmed', date: string | null, recordedBy: string | null, now: string): void {
      const existing = selectKind.get(memberId, kind);
      if (existing && date === null) deleteEvent.run(existing.id);
      else if (existing && existing.occurred_on !== date) updateDate.run(date, existing.id);
      else if (!existing && date !== null) {
        insertEvent.run({ memberId, kind, occurredOn: date, detail: null, untilOn: null, note: null, recordedBy, now });
      }
    },
    delete(id: number): boolean {
      return deleteEvent.run(id).changes > 0;
    },
  };
}
