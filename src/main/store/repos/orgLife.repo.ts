import type Database from 'better-sqlite3';
import type { ProblemCategory, ProblemSource, RectificationStatus } from '../../../shared/contract/orgLife';

/** The whole 组织生活会 material as written; ids present = rows being kept, absent = new rows. */
export interface OrgLifeWrite {
  plan: string | null;
  planApprovedOn: string | null;
  problems: { id: number | null; text: string; category: ProblemCategory; source: ProblemSource }[];
  selfReviews: { memberId: number; submitted: boolean; submittedOn: string | null; summary: string | null }[];
  rectifications: {
    id: number | null;
    problemIndex: number | null;
    measure: string;
    ownerMemberId: number | null;
    ownerName: string | null;
    dueOn: string | null;
    status: RectificationStatus;
    doneOn: string | null;
    note: string | null;
  }[];
}

export interface StoredRectification {
  id: number;
  meetingId: number;
  problemId: number | null;
  measure: string;
  ownerMemberId: number | null;
  ownerName: string | null;
  dueOn: string | null;
  status: RectificationStatus;
  doneOn: string | null;
  note: string | null;
}

export interface OrgLifeStored {
  version: number;
  plan: string | null;
  planApprovedOn: string | null;
  problems: { id: number; text: string; category: ProblemCategory; source: ProblemSource }[];
  selfReviews: { memberId: number; submitted: boolean; submittedOn: string | null; summary: string | null }[];
  rectifications: StoredRectification[];
}

interface RectificationRow {
  id: number;
  meeting_id: number;
  problem_id: number | null;
  measure: string;
  owner_member_id: number | null;
  owner_name: string | null;
  due_on: string | null;
  status: RectificationStatus;
  done_on: string | null;
  note: string | null;
}

const toRectification = (row: RectificationRow): StoredRectification => ({
  id: row.id,
  meetingId: row.meeting_id,
  problemId: row.problem_id,
  measure: row.measure,
  ownerMemberId: row.owner_member_id,
  ownerName: row.owner_name,
  dueOn: row.due_on,
  status: row.status,
  doneOn: row.done_on,
  note: row.note,
});

export function createOrgLifeRepo(db: Database.Database) {
  const selectMaterial = db.prepare<[number], { version: number; plan: string | null; plan_approved_on: string | null }>(
    'SELECT version, plan, plan_approved_on FROM org_life_materials WHERE meeting_id = ?',
  );
  const insertMaterial = db.prepare('INSERT INTO org_life_materials (meeting_id, plan, plan_approved_on, version, updated_at) VALUES (?, ?, ?, 1, ?)');
  const updateMaterial = db.prepare(
    'UPDATE org_life_materials SET plan = ?, plan_approved_on = ?, version = version + 1, updated_at = ? WHERE meeting_id = ? AND version = ?',
  );
  const selectProblems = db.prepare<[number], { id: number; text: string; category: ProblemCategory; source: ProblemSource }>(
    'SELECT id, text, category, source FROM org_life_problems WHERE meeting_id = ? ORDER BY position, id',
  );
  const insertProblem = db.prepare('INSERT INTO org_life_problems (meeting_id, position, text, category, source) VALUES (?, ?, ?, ?, ?)');
  const updateProblem = db.prepare('UPDATE org_life_problems SET position = ?, text = ?, category = ?, source = ? WHERE id = ? AND meeting_id = ?');
  const deleteProblem = db.prepare('DELETE FROM org_life_problems WHERE id = ?');
  const selectSelfReviews = db.prepare<[number], { member_id: number; submitted: number; submitted_on: string | null; summary: string | null }>(
    'SELECT member_id, submitted, submitted_on, summary FROM org_life_self_reviews WHERE meeting_id = ? ORDER BY member_id',
  );
  const deleteSelfReviews = db.prepare('DELETE FROM org_life_self_reviews WHERE meeting_id = ?');
  const insertSelfReview = db.prepare('INSERT INTO org_life_self_reviews (meeting_id, member_id, submitted, submitted_on, summary) VALUES (?, ?, ?, ?, ?)');
  const selectRectifications = db.prepare<[number], RectificationRow>('SELECT * FROM org_life_rectifications WHERE meeting_id = ? ORDER BY position, id');
  const rectificationColumns = `position = @position, problem_id = @problemId, measure = @measure, owner_member_id = @ownerMemberId,
    owner_name = @ownerName, due_on = @dueOn, status = @status, done_on = @doneOn, note = @note`;
  const insertRectification = db.prepare(
    `INSERT INTO org_life_rectifications (meeting_id, position, problem_id, measure, owner_member_id, owner_name, due_on, status, done_on, note)
     VALUES (@meetingId, @position, @problemId, @measure, @ownerMemberId, @ownerName, @dueOn, @status, @doneOn, @note)`,
  );
  const updateRectification = db.prepare(`UPDATE org_life_rectifications SET ${rectificationColumns} WHERE id = @id AND meeting_id = @meetingId`);
  const deleteRectification = db.prepare('DELETE FROM org_life_rectifications WHERE id = ?');
  const selectAllRectifications = db.prepare<
    { status: string | null; year: string | null },
    RectificationRow & { held_on: string; topic: string; problem_text: string | null }
  >(
    `SELECT r.*, m.held_on, m.topic, p.text AS problem_text FROM org_life_rectifications r
       JOIN meetings m ON m.id = r.meeting_id AND m.deleted_at IS NULL
       JOIN meeting_obligations o ON o.meeting_id = m.id AND o.type = 'orgLifeMeeting'
       LEFT JOIN org_life_problems p ON p.id = r.problem_id
     WHERE (@status IS NULL OR r.status = @status) AND (@year IS NULL OR substr(m.held_on, 1, 4) = @year)
     ORDER BY r.status = 'done', r.due_on IS NULL, r.due_on, m.held_on DESC, r.position`,
  );

  return {
    get(meetingId: number): OrgLifeStored | null {
      const material = selectMaterial.get(meetingId);
      if (!material) return null;
      return {
        version: material.version,
        plan: material.plan,
        planApprovedOn: material.plan_approved_on,
        problems: selectProblems.all(meetingId),
        selfReviews: selectSelfReviews.all(meetingId).map((row) => ({
          memberId: row.member_id,
          submitted: row.submitted === 1,
          submittedOn: row.submitted_on,
          summary: row.summary,
        })),
        rectifications: selectRectifications.all(meetingId).map(toRectification),
      };
    },

    /**
     * Replaces the material: rows with an id are updated in place (ids stay stable, so a
     * rectification keeps its status and links), rows without one are inserted, stored rows not
     * mentioned are deleted. False when the version differs (someone saved first). The caller
     * checks that every id belongs to this meeting and wraps the call in a transaction.
     */
    replace(meetingId: number, version: number, material: OrgLifeWrite, now: string): boolean {
      if (version === 0) {
        if (selectMaterial.get(meetingId)) return false;
        insertMaterial.run(meetingId, material.plan, material.planApprovedOn, now);
      } else if (updateMaterial.run(material.plan, material.planApprovedOn, now, meetingId, version).changes === 0) {
        return false;
      }

      const keptProblems = new Set(material.problems.flatMap((problem) => (problem.id === null ? [] : [problem.id])));
      const keptRectifications = new Set(material.rectifications.flatMap((item) => (item.id === null ? [] : [item.id])));
      for (const row of selectRectifications.all(meetingId)) if (!keptRectifications.has(row.id)) deleteRectification.run(row.id);
      for (const row of selectProblems.all(meetingId)) if (!keptProblems.has(row.id)) deleteProblem.run(row.id);

      const problemIds = material.problems.map((problem, position) => {
        if (problem.id === null) return Number(insertProblem.run(meetingId, position, problem.text, problem.category, problem.source).lastInsertRowid);
        updateProblem.run(position, problem.text, problem.category, problem.source, problem.id, meetingId);
        return problem.id;
      });

      deleteSelfReviews.run(meetingId);
      for (const entry of material.selfReviews) insertSelfReview.run(meetingId, entry.memberId, entry.submitted ? 1 : 0, entry.submittedOn, entry.summary);

      material.rectifications.forEach(({ id, problemIndex, ...item }, position) => {
        const params = { ...item, meetingId, position, problemId: problemIndex === null ? null : problemIds[problemIndex] };
        if (id === null) insertRectification.run(params);
        else updateRectification.run({ ...params, id });
      });
      return true;
    },

    /** Problem and rectification ids stored for this meeting (to check that edited ids belong to it). */
    ids(meetingId: number): { problems: Set<number>; rectifications: Set<number> } {
      return {
        problems: new Set(selectProblems.all(meetingId).map((row) => row.id)),
        rectifications: new Set(selectRectifications.all(meetingId).map((row) => row.id)),
      };
    },

    /** 整改 items of every 组织生活会, open ones first by due date. */
    allRectifications(filter: { status?: RectificationStatus; year?: number }) {
      return selectAllRectifications.all({ status: filter.status ?? null, year: filter.year ? String(filter.year) : null }).map((row) => ({
        ...toRectification(row),
        meetingHeldOn: row.held_on,
        meetingTopic: row.topic,
        problemText: row.problem_text,
      }));
    },
  };
}
