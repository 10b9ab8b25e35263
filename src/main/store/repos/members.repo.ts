import type Database from 'better-sqlite3';
import type { Gender, MemberCategory, MemberProfile } from '../../../shared/domain/member';

/** The member's own fields; dates of 入党/转正 live in member_events, the 党小组 in group_memberships. */
export interface MemberFields extends MemberProfile {
  /** The declared category (declared_category). */
  category: MemberCategory;
}

export interface MemberRecord extends MemberFields {
  id: number;
  importBatchId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface MemberRow {
  id: number;
  name: string;
  gender: Gender;
  ethnicity: string | null;
  birth_date: string | null;
  id_number: string | null;
  native_place: string | null;
  education: string | null;
  degree: string | null;
  work_started_on: string | null;
  workplace: string | null;
  person_category: string | null;
  declared_category: MemberCategory;
  phone: string | null;
  note: string | null;
  import_batch_id: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

function toRecord(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    ethnicity: row.ethnicity,
    birthDate: row.birth_date,
    idNumber: row.id_number,
    nativePlace: row.native_place,
    education: row.education,
    degree: row.degree,
    workStartedOn: row.work_started_on,
    workplace: row.workplace,
    personCategory: row.person_category,
    category: row.declared_category,
    phone: row.phone,
    note: row.note,
    importBatchId: row.import_batch_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createMembersRepo(db: Database.Database) {
  const insertMember = db.prepare(
    `INSERT INTO members (name, gender, ethnicity, birth_date, id_number, native_place, education, degree, work_started_on,
       workplace, person_category, declared_category, phone, note, import_batch_id, created_at, updated_at)
     VALUES (@name, @gender, @ethnicity, @birthDate, @idNumber, @nativePlace, @education, @degree, @workStartedOn,
       @workplace, @personCategory, @category, @phone, @note, @importBatchId, @now, @now)`,
  );
  // The version check and the bump are one statement: a concurrent save cannot slip in between.
  const updateMember = db.prepare(
    `UPDATE members SET name = @name, gender = @gender, ethnicity = @ethnicity, birth_date = @birthDate,
       id_number = @idNumber, native_place = @nativePlace, education = @education, degree = @degree,
       work_started_on = @workStartedOn, workplace = @workplace, person_category = @personCategory,
       declared_category = @category, phone = @phone, note = @note, version = version + 1, updated_at = @now
     WHERE id = @id AND version = @version`,
  );
  const selectById = db.prepare<[number], MemberRow>('SELECT * FROM members WHERE id = ?');
  const selectAll = db.prepare<[], MemberRow>('SELECT * FROM members ORDER BY id');
  const selectByIdNumber = db.prepare<[string], MemberRow>('SELECT * FROM members WHERE id_number = ?');
  const selectByBatch = db.prepare<[number], MemberRow>('SELECT * FROM members WHERE import_batch_id = ? ORDER BY id');
  const deleteMember = db.prepare('DELETE FROM members WHERE id = ?');
  // Meetings marked deleted count too: until they are purged they still hold these rows (and 撤销 needs them).
  const countReferences = db.prepare<{ id: number }, { count: number }>(
    `SELECT (SELECT COUNT(*) FROM meeting_attendance WHERE member_id = @id)
          + (SELECT COUNT(*) FROM committee_seats WHERE member_id = @id)
          + (SELECT COUNT(*) FROM meetings WHERE host_member_id = @id OR recorder_member_id = @id)
          + (SELECT COUNT(*) FROM party_groups WHERE leader_member_id = @id) AS count`,
  );

  return {
    get(id: number): MemberRecord | null {
      const row = selectById.get(id);
      return row ? toRecord(row) : null;
    },
    all(): MemberRecord[] {
      return selectAll.all().map(toRecord);
    },
    findByIdNumber(idNumber: string): MemberRecord | null {
      const row = selectByIdNumber.get(idNumber);
      return row ? toRecord(row) : null;
    },
    ofImportBatch(batchId: number): MemberRecord[] {
      return selectByBatch.all(batchId).map(toRecord);
    },
    insert(fields: MemberFields, now: string, importBatchId: number | null = null): number {
      return Number(insertMember.run({ ...fields, importBatchId, now }).lastInsertRowid);
    },
    /** False when the stored version differs: someone else saved this member first. */
    update(id: number, fields: MemberFields, version: number, now: string): boolean {
      return updateMember.run({ ...fields, id, version, now }).changes > 0;
    },
    delete(id: number): boolean {
      return deleteMember.run(id).changes > 0;
    },
    /** Records outside the member's own history that name them (meetings, committee, 组长). */
    referenceCount(id: number): number {
      return countReferences.get({ id })!.count;
    },
  };
}
