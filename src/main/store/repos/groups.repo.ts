import type Database from 'better-sqlite3';
import type { PartyGroup } from '../../../shared/contract/groups';

interface GroupRow {
  id: number;
  name: string;
  leader_member_id: number | null;
  leader_name: string | null;
  member_count: number;
  founded_on: string | null;
  dissolved_on: string | null;
}

export interface GroupFields {
  name: string;
  foundedOn: string | null;
  leaderId: number | null;
  dissolvedOn: string | null;
}

function toGroup(row: GroupRow): PartyGroup {
  return {
    id: row.id,
    name: row.name,
    leaderId: row.leader_member_id,
    leaderName: row.leader_name,
    memberCount: row.member_count,
    foundedOn: row.founded_on,
    dissolvedOn: row.dissolved_on,
  };
}

export function createGroupsRepo(db: Database.Database) {
  const select = `SELECT g.id, g.name, g.leader_member_id, l.name AS leader_name, g.founded_on, g.dissolved_on,
       (SELECT COUNT(*) FROM group_memberships gm WHERE gm.group_id = g.id AND gm.to_on IS NULL) AS member_count
     FROM party_groups g LEFT JOIN members l ON l.id = g.leader_member_id`;
  const selectAll = db.prepare<[number], GroupRow>(`${select} WHERE ? = 1 OR g.dissolved_on IS NULL ORDER BY g.id`);
  const selectOne = db.prepare<[number], GroupRow>(`${select} WHERE g.id = ?`);
  const selectByName = db.prepare<[string], { id: number }>('SELECT id FROM party_groups WHERE name = ?');
  const insertGroup = db.prepare(
    `INSERT INTO party_groups (name, founded_on, leader_member_id, created_at, updated_at) VALUES (@name, @foundedOn, @leaderId, @now, @now)`,
  );
  const updateGroup = db.prepare(
    `UPDATE party_groups SET name = @name, founded_on = @foundedOn, leader_member_id = @leaderId, dissolved_on = @dissolvedOn,
       updated_at = @now WHERE id = @id`,
  );
  const deleteGroup = db.prepare('DELETE FROM party_groups WHERE id = ?');
  // Meetings marked deleted count too: until they are purged they still hold these rows (and 撤销 needs them).
  const countUsage = db.prepare<{ id: number }, { count: number }>(
    `SELECT (SELECT COUNT(*) FROM group_memberships WHERE group_id = @id)
          + (SELECT COUNT(*) FROM meetings WHERE party_group_id = @id) AS count`,
  );
  const openMembership = db.prepare<[number], { id: number; group_id: number; from_on: string | null }>(
    'SELECT id, group_id, from_on FROM group_memberships WHERE member_id = ? AND to_on IS NULL',
  );
  const allOpen = db.prepare<[], { member_id: number; group_id: number }>('SELECT member_id, group_id FROM group_memberships WHERE to_on IS NULL');
  const closeMembership = db.prepare('UPDATE group_memberships SET to_on = ? WHERE id = ?');
  const dropMembership = db.prepare('DELETE FROM group_memberships WHERE id = ?');
  const clearLeader = db.prepare('UPDATE party_groups SET leader_member_id = NULL WHERE id = ? AND leader_member_id = ?');
  const openNew = db.prepare('INSERT INTO group_memberships (member_id, group_id, from_on) VALUES (?, ?, ?)');
  const endedOn = db.prepare<[number, string], { id: number }>(
    `SELECT gm.id FROM group_memberships gm JOIN party_groups g ON g.id = gm.group_id
     WHERE gm.member_id = ? AND gm.to_on = ? AND g.dissolved_on IS NULL ORDER BY gm.id DESC LIMIT 1`,
  );
  const reopenMembership = db.prepare('UPDATE group_memberships SET to_on = NULL WHERE id = ?');
  const allMemberships = db.prepare<[], { member_id: number; group_id: number; from_on: string | null; to_on: string | null }>(
    'SELECT member_id, group_id, from_on, to_on FROM group_memberships ORDER BY member_id, id',
  );
  const membersOn = db.prepare<{ group: number; date: string }, { member_id: number }>(
    `SELECT member_id FROM group_memberships WHERE group_id = @group
       AND (from_on IS NULL OR from_on <= @date) AND (to_on IS NULL OR to_on > @date)`,
  );

  return {
    list(includeDissolved = false): PartyGroup[] {
      return selectAll.all(includeDissolved ? 1 : 0).map(toGroup);
    },
    get(id: number): PartyGroup | null {
      const row = selectOne.get(id);
      return row ? toGroup(row) : null;
    },
    exists(id: number): boolean {
      return selectOne.get(id) !== undefined;
    },
    idByName(name: string): number | null {
      return selectByName.get(name)?.id ?? null;
    },
    insert(fields: Omit<GroupFields, 'dissolvedOn'>, now: string): number {
      return Number(insertGroup.run({ ...fields, now }).lastInsertRowid);
    },
    update(id: number, fields: GroupFields, now: string): void {
      updateGroup.run({ ...fields, id, now });
    },
    delete(id: number): void {
      deleteGroup.run(id);
    },
    /** Memberships and meetings that name the group (a used group is dissolved, not deleted). */
    usageCount(id: number): number {
      return countUsage.get({ id })!.count;
    },
    /** The member's current 党小组 and since when (null: since before records began). */
    openMembershipOf(memberId: number): { groupId: number; fromOn: string | null } | null {
      const open = openMembership.get(memberId);
      return open ? { groupId: open.group_id, fromOn: open.from_on } : null;
    },
    currentGroupOf(memberId: number): number | null {
      return openMembership.get(memberId)?.group_id ?? null;
    },
    /** Every member's memberships over time (attendance of 党小组会 as of a date). */
    membershipsByMember(): Map<number, { groupId: number; fromOn: string | null; toOn: string | null }[]> {
      const grouped = new Map<number, { groupId: number; fromOn: string | null; toOn: string | null }[]>();
      for (const row of allMemberships.all()) {
        grouped.set(row.member_id, [...(grouped.get(row.member_id) ?? []), { groupId: row.group_id, fromOn: row.from_on, toOn: row.to_on }]);
      }
      return grouped;
    },
    currentGroups(): Map<number, number> {
      return new Map(allOpen.all().map((row) => [row.member_id, row.group_id]));
    },
    /**
     * Moves a member to `groupId` (null: no group) from `on` (null: since before records began).
     * The open membership ends that day; one opened the same day is simply replaced.
     */
    moveMember(memberId: number, groupId: number | null, on: string | null): void {
      const open = openMembership.get(memberId);
      if (open?.group_id === groupId) return;
      if (open) {
        // A 组长 who leaves the group no longer leads it.
        clearLeader.run(open.group_id, memberId);
        if (on === null || open.from_on === on || (open.from_on !== null && open.from_on > on)) dropMembership.run(open.id);
        else closeMembership.run(on, open.id);
      }
      if (groupId !== null) openNew.run(memberId, groupId, on);
    },
    /**
     * Undoes the end of a membership (a mistaken 转出 is deleted): the membership that ended on `on`
     * is open again, unless the member has joined a group since or that group has been dissolved.
     */
    reopenEndedOn(memberId: number, on: string): void {
      if (openMembership.get(memberId)) return;
      const ended = endedOn.get(memberId, on);
      if (ended) reopenMembership.run(ended.id);
    },
    /** Members of a 党小组 on a date (for 党小组会 attendance). */
    memberIdsOn(groupId: number, date: string): number[] {
      return membersOn.all({ group: groupId, date }).map((row) => row.member_id);
    },
  };
}
