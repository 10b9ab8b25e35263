import type Database from 'better-sqlite3';
import type { GradeEntry, ReviewGrade } from '../../../shared/domain/democraticReview';

export interface ReviewStored {
  version: number;
  grades: GradeEntry[];
}

export function createDemocraticReviewRepo(db: Database.Database) {
  const selectReview = db.prepare<[number], { version: number }>('SELECT version FROM democratic_reviews WHERE meeting_id = ?');
  const insertReview = db.prepare('INSERT INTO democratic_reviews (meeting_id, version, updated_at) VALUES (?, 1, ?)');
  const updateReview = db.prepare('UPDATE democratic_reviews SET version = version + 1, updated_at = ? WHERE meeting_id = ? AND version = ?');
  const selectGrades = db.prepare<[number], { member_id: number; grade: ReviewGrade; note: string | null }>(
    'SELECT member_id, grade, note FROM democratic_review_grades WHERE meeting_id = ? ORDER BY member_id',
  );
  const deleteGrades = db.prepare('DELETE FROM democratic_review_grades WHERE meeting_id = ?');
  const insertGrade = db.prepare('INSERT INTO democratic_review_grades (meeting_id, member_id, grade, note) VALUES (?, ?, ?, ?)');

  return {
    get(meetingId: number): ReviewStored | null {
      const review = selectReview.get(meetingId);
      if (!review) return null;
      return { version: review.version, grades: selectGrades.all(meetingId).map((row) => ({ memberId: row.member_id, grade: row.grade, note: row.note })) };
    },
    /** Replaces every grade of the review; false when the version differs. The caller wraps it in a transaction. */
    replace(meetingId: number, version: number, grades: readonly GradeEntry[], now: string): boolean {
      if (version === 0) {
        if (selectReview.get(meetingId)) return false;
        insertReview.run(meetingId, now);
      } else if (updateReview.run(now, meetingId, version).changes === 0) {
        return false;
      }
      deleteGrades.run(meetingId);
      for (const entry of grades) insertGrade.run(meetingId, entry.memberId, entry.grade, entry.note);
      return true;
    },
  };
}
