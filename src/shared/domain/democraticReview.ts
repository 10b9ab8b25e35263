import type { MemberCategory } from './member';
import { excellentCapProblem, maxExcellent } from './quorum';

// 民主评议党员 (DOMAIN §6): each 正式党员 who belonged to the branch on the review date gets one of
// four grades; at most a third may be 优秀 (the cap itself lives in quorum.ts). 预备党员 take part
// but get no grade: they are still in their probation year, and whether they are fit to be full
// members is decided by the 转正 procedure (转正, 延长预备期 or 取消预备党员资格), not by a grade.

export const REVIEW_GRADES = ['excellent', 'qualified', 'basicallyQualified', 'unqualified'] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];
export const REVIEW_GRADE_LABELS: Record<ReviewGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basicallyQualified: '基本合格',
  unqualified: '不合格',
};

/** Grades that need a 处置意见 (what the branch will do about it). */
export const GRADES_NEEDING_NOTE: readonly ReviewGrade[] = ['basicallyQualified', 'unqualified'];

export const PROBATIONARY_NOT_GRADED = '预备党员参加评议，但不评定等次（是否转正由预备期满时的转正程序决定）';

export interface ReviewPerson {
  memberId: number;
  name: string;
  category: MemberCategory;
}

export interface GradeEntry {
  memberId: number;
  grade: ReviewGrade;
  note: string | null;
}

export interface ReviewProblem {
  /** 'grades' for the whole list, 'grades.N' for one row of the input. */
  path: string;
  message: string;
}

export type GradeCounts = Record<ReviewGrade, number> & { graded: number; cap: number };

export function gradeCounts(grades: readonly Pick<GradeEntry, 'grade'>[]): GradeCounts {
  const counts: GradeCounts = { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0, graded: grades.length, cap: maxExcellent(grades.length) };
  for (const entry of grades) counts[entry.grade] += 1;
  return counts;
}

/** The cap problem as a secretary reads it, with what to change; null when within the cap. */
export function excellentCapMessage(graded: number, excellent: number): string | null {
  const problem = excellentCapProblem(graded, excellent);
  if (!problem) return null;
  return `${problem}，请将其中 ${excellent - maxExcellent(graded)} 名改评为其他等次。`;
}

/**
 * Everything wrong with a set of grades for the people expected at the review (the roster as of the
 * review date): grades for people who cannot be graded, anyone left ungraded, missing 处置意见 and
 * the 优秀 cap. Empty when the grades can be saved.
 */
export function reviewProblems(people: readonly ReviewPerson[], grades: readonly GradeEntry[]): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  const byId = new Map(people.map((person) => [person.memberId, person]));
  const seen = new Set<number>();
  const valid: GradeEntry[] = [];
  grades.forEach((entry, index) => {
    const person = byId.get(entry.memberId);
    const path = `grades.${index}`;
    if (!person) problems.push({ path, message: `编号 ${entry.memberId} 的人员在评议日期不是本支部党员，不能评定等次` });
    else if (person.category !== 'full') problems.push({ path, message: `${person.name}：${PROBATIONARY_NOT_GRADED}` });
    else if (seen.has(entry.memberId)) problems.push({ path, message: `${person.name}只能评定一个等次` });
    else {
      seen.add(entry.memberId);
      valid.push(entry);
      if (GRADES_NEEDING_NOTE.includes(entry.grade) && !entry.note?.trim()) {
        problems.push({ path, message: `${person.name}评为“${REVIEW_GRADE_LABELS[entry.grade]}”，请填写处置意见` });
      }
    }
  });
  const ungraded = people.filter((person) => person.category === 'full' && !seen.has(person.memberId));
  if (ungraded.length > 0) problems.push({ path: 'grades', message: `还有 ${ungraded.length} 名正式党员未评定等次：${ungraded.map((person) => person.name).join('、')}` });
  const counts = gradeCounts(valid);
  const cap = excellentCapMessage(counts.graded, counts.excellent);
  if (cap) problems.push({ path: 'grades', message: cap });
  return problems;
}
