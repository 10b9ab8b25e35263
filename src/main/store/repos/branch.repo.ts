import type Database from 'better-sqlite3';
import type { Branch, CommitteeTerm } from '../../../shared/contract/branch';
import type { BranchKind } from '../../../shared/domain/branch';

interface BranchRow {
  id: number;
  name: string;
  kind: BranchKind;
  parent_org: string | null;
  founded_on: string | null;
  contact_person: string | null;
  contact_phone: string | null;
  created_at: string;
  updated_at: string;
}

interface TermRow {
  id: number;
  seq: number;
  starts_on: string;
  ends_on: string;
}

function toTerm(row: TermRow): CommitteeTerm {
  return { id: row.id, seq: row.seq, startsOn: row.starts_on, endsOn: row.ends_on };
}

export type BranchValues = Omit<Branch, 'id' | 'createdAt' | 'updatedAt'>;

function toBranch(row: BranchRow): Branch {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    parentOrg: row.parent_org,
    foundedOn: row.founded_on,
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createBranchRepo(db: Database.Database) {
  const selectBranch = db.prepare<[], BranchRow>('SELECT * FROM branch WHERE id = 1');
  const insertBranch = db.prepare(
    `INSERT INTO branch (id, name, kind, parent_org, founded_on, contact_person, contact_phone, created_at, updated_at)
     VALUES (1, @name, @kind, @parentOrg, @foundedOn, @contactPerson, @contactPhone, @now, @now)`,
  );
  const updateBranch = db.prepare(
    `UPDATE branch SET name = @name, kind = @kind, parent_org = @parentOrg, founded_on = @foundedOn,
       contact_person = @contactPerson, contact_phone = @contactPhone, updated_at = @now WHERE id = 1`,
  );
  const selectCurrentTerm = db.prepare<[string], TermRow>(
    `SELECT * FROM committee_terms WHERE starts_on <= ? ORDER BY starts_on DESC, seq DESC LIMIT 1`,
  );
  const selectLatestTerm = db.prepare<[], TermRow>(
    'SELECT * FROM committee_terms ORDER BY seq DESC LIMIT 1',
  );
  const insertTerm = db.prepare('INSERT INTO committee_terms (seq, starts_on, ends_on) VALUES (?, ?, ?)');
  const selectTerms = db.prepare<[], TermRow>('SELECT * FROM committee_terms ORDER BY starts_on DESC, seq DESC');
  const selectTerm = db.prepare<[number], TermRow>('SELECT * FROM committee_terms WHERE id = ?');
  const updateTerm = db.prepare('UPDATE committee_terms SET seq = ?, starts_on = ?, ends_on = ? WHERE id = ?');

  return {
    get(): Branch | null {
      const row = selectBranch.get();
      return row ? toBranch(row) : null;
    },
    insert(values: BranchValues, now: string): Branch {
      insertBranch.run({ ...values, now });
      return toBranch(selectBranch.get()!);
    },
    update(values: BranchValues, now: string): Branch {
      updateBranch.run({ ...values, now });
      return toBranch(selectBranch.get()!);
    },
    /** The term in force on `date`, or the newest one when all start later. */
    termOn(date: string): CommitteeTerm | null {
      const row = selectCurrentTerm.get(date) ?? selectLatestTerm.get();
      return row ? toTerm(row) : null;
    },
    insertTerm(seq: number, startsOn: string, endsOn: string): number {
      return Number(insertTerm.run(seq, startsOn, endsOn).lastInsertRowid);
    },
    terms(): CommitteeTerm[] {
      return selectTerms.all().map(toTerm);
    },
    term(id: number): CommitteeTerm | null {
      const row = selectTerm.get(id);
      return row ? toTerm(row) : null;
    },
    updateTerm(id: number, seq: number, startsOn: string, endsOn: string): void {
      updateTerm.run(seq, startsOn, endsOn, id);
    },
  };
}
