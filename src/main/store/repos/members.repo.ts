import type Database from 'better-sqlite3';
import type { Member, MemberValues } from '../../../shared/contract/members';
import type { Gender, MemberCategory } from '../../../shared/domain/member';

interface MemberRow {
  id: number;
  name: string;
  gender: Gender;
  ethnicity: string | null;
  birth_date: string | null;
  id_number: string | null;
  education: string | null;
  admitted_on: string | null;
  confirmed_on: string | null;
  category: MemberCategory;
  party_group_id: number | null;
  phone: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberRosterRow extends Member {
  partyGroupName: string | null;
  committeeRole: string | null;
}

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    ethnicity: row.ethnicity,
    birthDate: row.birth_date,
    idNumber: row.id_number,
    education: row.education,
    admittedOn: row.admitted_on,
    confirmedOn: row.confirmed_on,
    category: row.category,
    partyGroupId: row.party_group_id,
    phone: row.phone,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Escapes LIKE wildcards so a search for "100%" finds that text, not everything. */
function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function createMembersRepo(db: Database.Database) {
  const columns = `name, gender, ethnicity, birth_date, id_number, education, admitted_on, confirmed_on, category,
    party_group_id, phone, note`;
  const params = `@name, @gender, @ethnicity, @birthDate, @idNumber, @education, @admittedOn, @confirmedOn, @category,
    @partyGroupId, @phone, @note`;
  const insertMember = db.prepare(`INSERT INTO members (${columns}, created_at, updated_at) VALUES (${params}, @now, @now)`);
  const updateMember = db.prepare(
    `UPDATE members SET name = @name, gender = @gender, ethnicity = @ethnicity, birth_date = @birthDate,
       id_number = @idNumber, education = @education, admitted_on = @admittedOn, confirmed_on = @confirmedOn,
       category = @category, party_group_id = @partyGroupId, phone = @phone, note = @note, updated_at = @now
     WHERE id = @id`,
  );
  const selectById = db.prepare<[number], MemberRow>('SELECT * FROM members WHERE id = ?');
  const selectByIdNumber = db.prepare<[string], MemberRow>('SELECT * FROM members WHERE id_number = ?');
  const deleteMember = db.prepare('DELETE FROM members WHERE id = ?');
  const selectRoster = db.prepare<[{ query: string; today: string; pattern: string }], MemberRow & { party_group_name: string | null; committee_role: string | null }>(
    `SELECT m.*, g.name AS party_group_name,
       (SELECT s.role FROM committee_seats s JOIN committee_terms t ON t.id = s.term_id
         WHERE s.member_id = m.id AND t.starts_on <= @today AND t.ends_on > @today AND (s.ends_on IS NULL OR s.ends_on > @today)
         ORDER BY s.id LIMIT 1) AS committee_role
     FROM members m LEFT JOIN party_groups g ON g.id = m.party_group_id
     WHERE @query = '' OR m.name LIKE @pattern ESCAPE '\\'
     -- The usual 花名册 order: 正式党员 by 入党时间, then 预备党员, undated entries last.
     ORDER BY m.category = 'probationary', m.admitted_on IS NULL, m.admitted_on, m.id`,
  );
  const countByCategory = db.prepare<[], { category: MemberCategory; count: number }>(
    'SELECT category, COUNT(*) AS count FROM members GROUP BY category',
  );
  const countReferences = db.prepare<[number, number, number, number], { count: number }>(
    `SELECT (SELECT COUNT(*) FROM meeting_attendance WHERE member_id = ?)
          + (SELECT COUNT(*) FROM committee_seats WHERE member_id = ?)
          + (SELECT COUNT(*) FROM meetings WHERE host_member_id = ? OR recorder_member_id = ?) AS count`,
  );

  return {
    get(id: number): Member | null {
      const row = selectById.get(id);
      return row ? toMember(row) : null;
    },
    findByIdNumber(idNumber: string): Member | null {
      const row = selectByIdNumber.get(idNumber);
      return row ? toMember(row) : null;
    },
    insert(values: MemberValues, now: string): Member {
      const id = Number(insertMember.run({ ...values, now }).lastInsertRowid);
      return toMember(selectById.get(id)!);
    },
    update(id: number, values: MemberValues, now: string): Member | null {
      const result = updateMember.run({ ...values, id, now });
      if (result.changes === 0) return null;
      return toMember(selectById.get(id)!);
    },
    delete(id: number): boolean {
      return deleteMember.run(id).changes > 0;
    },
    /** Records that name this member (attendance, committee seats, host/recorder). */
    referenceCount(id: number): number {
      return countReferences.get(id, id, id, id)!.count;
    },
    roster(query: string, today: string): MemberRosterRow[] {
      return selectRoster.all({ query, today, pattern: likePattern(query) }).map((row) => ({
        ...toMember(row),
        partyGroupName: row.party_group_name,
        committeeRole: row.committee_role,
      }));
    },
    countByCategory(): Record<MemberCategory, number> {
      const counts: Record<MemberCategory, number> = { full: 0, probationary: 0 };
      for (const row of countByCategory.all()) counts[row.category] = row.count;
      return counts;
    },
  };
}
