import type Database from 'better-sqlite3';
import type { CommitteeSeatRecord } from '../../../shared/contract/committee';
import type { CommitteeSeat } from '../../../shared/contract/home';
import type { CommitteeRole } from '../../../shared/domain/branch';

export interface NewSeat {
  termId: number;
  memberId: number;
  memberName: string;
  role: CommitteeRole;
  startsOn: string;
}

interface SeatRow {
  id: number;
  term_id: number;
  member_id: number;
  member_name: string;
  role: CommitteeRole;
  starts_on: string;
  ends_on: string | null;
}

function toSeat(row: SeatRow): CommitteeSeatRecord {
  return {
    id: row.id,
    termId: row.term_id,
    memberId: row.member_id,
    memberName: row.member_name,
    role: row.role,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
  };
}

// Role order follows the conventional listing: 书记, 副书记, 组织, 宣传, 纪检.
const ROLE_ORDER = `CASE role WHEN 'secretary' THEN 1 WHEN 'deputySecretary' THEN 2 WHEN 'organization' THEN 3
  WHEN 'publicity' THEN 4 ELSE 5 END`;

export function createCommitteeRepo(db: Database.Database) {
  const insertSeat = db.prepare(
    `INSERT INTO committee_seats (term_id, member_id, member_name, role, starts_on)
     VALUES (@termId, @memberId, @memberName, @role, @startsOn)`,
  );
  const selectSeat = db.prepare<[number], SeatRow>('SELECT * FROM committee_seats WHERE id = ?');
  const selectTermSeats = db.prepare<[number], SeatRow>(`SELECT * FROM committee_seats WHERE term_id = ? ORDER BY ${ROLE_ORDER}, starts_on, id`);
  const selectSeatsOn = db.prepare<{ term: number; date: string }, SeatRow>(
    `SELECT * FROM committee_seats WHERE term_id = @term AND starts_on <= @date AND (ends_on IS NULL OR ends_on > @date)
     ORDER BY ${ROLE_ORDER}, id`,
  );
  const selectAllOn = db.prepare<{ date: string }, SeatRow>(
    `SELECT s.* FROM committee_seats s JOIN committee_terms t ON t.id = s.term_id
     WHERE t.starts_on <= @date AND t.ends_on >= @date AND s.starts_on <= @date AND (s.ends_on IS NULL OR s.ends_on > @date)
     ORDER BY ${ROLE_ORDER}, s.id`,
  );
  const selectSecretarySeats = db.prepare<[], { member_id: number; starts_on: string; ends_on: string | null }>(
    `SELECT member_id, starts_on, ends_on FROM committee_seats WHERE role = 'secretary' ORDER BY starts_on, id`,
  );
  const updateSeat = db.prepare('UPDATE committee_seats SET role = @role, starts_on = @startsOn, ends_on = @endsOn WHERE id = @id');
  const deleteSeat = db.prepare('DELETE FROM committee_seats WHERE id = ?');

  return {
    insert(seat: NewSeat): CommitteeSeatRecord {
      const id = Number(insertSeat.run(seat).lastInsertRowid);
      return toSeat(selectSeat.get(id)!);
    },
    get(id: number): CommitteeSeatRecord | null {
      const row = selectSeat.get(id);
      return row ? toSeat(row) : null;
    },
    update(id: number, values: { role: CommitteeRole; startsOn: string; endsOn: string | null }): CommitteeSeatRecord {
      updateSeat.run({ ...values, id });
      return toSeat(selectSeat.get(id)!);
    },
    delete(id: number): boolean {
      return deleteSeat.run(id).changes > 0;
    },
    seatsOfTerm(termId: number): CommitteeSeatRecord[] {
      return selectTermSeats.all(termId).map(toSeat);
    },
    seatsOn(termId: number, date: string): CommitteeSeat[] {
      return selectSeatsOn.all({ term: termId, date }).map((row) => ({ role: row.role, memberId: row.member_id, memberName: row.member_name }));
    },
    /** Every 书记 seat over all terms, oldest first (endsOn null: still in office). */
    secretarySeats(): { memberId: number; startsOn: string; endsOn: string | null }[] {
      return selectSecretarySeats.all().map((row) => ({ memberId: row.member_id, startsOn: row.starts_on, endsOn: row.ends_on }));
    },
    /** Seats held on `date` in the term in force then. */
    allSeatsOn(date: string): CommitteeSeatRecord[] {
      return selectAllOn.all({ date }).map(toSeat);
    },
  };
}
