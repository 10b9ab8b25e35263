import type Database from 'better-sqlite3';
import type { PartyGroup } from '../../../shared/contract/groups';

interface GroupRow {
  id: number;
  name: string;
  leader_member_id: number | null;
  leader_name: string | null;
  member_count: number;
}

export function createGroupsRepo(db: Database.Database) {
  const selectAll = db.prepare<[], GroupRow>(
    `SELECT g.id, g.name, g.leader_member_id, l.name AS leader_name,
       (SELECT COUNT(*) FROM members m WHERE m.party_group_id = g.id) AS member_count
     FROM party_groups g LEFT JOIN members l ON l.id = g.leader_member_id
     WHERE g.dissolved_on IS NULL ORDER BY g.id`,
  );
  const selectExists = db.prepare<[number], { id: number }>('SELECT id FROM party_groups WHERE id = ?');
  const insertGroup = db.prepare(
    `INSERT INTO party_groups (name, founded_on, created_at, updated_at) VALUES (?, ?, ?, ?)`,
  );
  const updateLeader = db.prepare('UPDATE party_groups SET leader_member_id = ?, updated_at = ? WHERE id = ?');

  return {
    list(): PartyGroup[] {
      return selectAll.all().map((row) => ({
        id: row.id,
        name: row.name,
        leaderId: row.leader_member_id,
        leaderName: row.leader_name,
        memberCount: row.member_count,
      }));
    },
    exists(id: number): boolean {
      return selectExists.get(id) !== undefined;
    },
    insert(name: string, foundedOn: string | null, now: string): number {
      return Number(insertGroup.run(name, foundedOn, now, now).lastInsertRowid);
    },
    setLeader(groupId: number, memberId: number | null, now: string): void {
      updateLeader.run(memberId, now, groupId);
    },
  };
}
