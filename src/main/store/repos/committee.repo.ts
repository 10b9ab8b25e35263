import type Database from 'better-sqlite3';
import type { CommitteeSeat } from '../../../shared/contract/home';
import type { CommitteeRole } from '../../../shared/domain/branch';

export interface NewSeat {
  termId: number;
  memberId: number;
  memberName: string;
  role: CommitteeRole;
  startsOn: string;
}

export function createCommitteeRepo(db: Database.Database) {
  const insertSeat = db.prepare(
    `INSERT INTO committee_seats (term_id, member_id, member_name, role, starts_on)
     VALUES (@termId, @memberId, @memberName, @role, @startsOn)`,
  );
  // Role order follows the conventional listing: 书记, 副书记, 组织, 宣传, 纪检.
  const selectSeats = db.prepare<[number, string], { role: CommitteeRole; member_id: number; member_name: string }>(
    `SELECT role, member_id, member_name FROM committee_seats
     WHERE term_id = ? AND (ends_on IS NULL OR ends_on > ?)
     ORDER BY CASE role WHEN 'secretary' THEN 1 WHEN 'deputySecretary' THEN 2 WHEN 'organization' THEN 3
       WHEN 'publicity' THEN 4 ELSE 5 END, id`,
  );

  return {
    insert(seat: NewSeat): void {
      insertSeat.run(seat);
    },
    seatsOn(termId: number, date: string): CommitteeSeat[] {
      return selectSeats.all(termId, date).map((row) => ({ role: row.role, memberId: row.member_id, memberName: row.member_name }));
    },
  };
}
