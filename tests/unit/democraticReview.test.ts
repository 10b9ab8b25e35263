import { describe, expect, it } from 'vitest';
import { gradeCounts, reviewProblems, type GradeEntry, type ReviewGrade, type ReviewPerson } from '../../src/shared/domain/democraticReview';

const full = (count: number, from = 1): ReviewPerson[] => Array.from({ length: count }, (_, index) => ({ memberId: from + index, name: `党员${from + index}`, category: 'full' }));
/** The first `excellent` people 优秀, the rest 合格. */
const grading = (people: readonly ReviewPerson[], excellent: number, grade: ReviewGrade = 'qualified'): GradeEntry[] =>
  people.filter((person) => person.category === 'full').map((person, index) => ({ memberId: person.memberId, grade: index < excellent ? 'excellent' : grade, note: null }));

describe('民主评议 grading', () => {
  it('allows 优秀 up to exactly a third and refuses one more, naming the numbers', () => {
    const people = full(21);
    expect(reviewProblems(people, grading(people, 7))).toEqual([]);
    const problems = reviewProblems(people, grading(people, 8));
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('评为“优秀”的 8 名');
    expect(problems[0].message).toContain('正式党员 21 名');
    expect(problems[0].message).toContain('最多 7 名');
    expect(problems[0].message).toContain('请将其中 1 名改评为其他等次');
  });

  it('rounds the cap down: 22 graded allow 7, 2 graded allow none, 3 allow one', () => {
    const twentyTwo = full(22);
    expect(reviewProblems(twentyTwo, grading(twentyTwo, 7))).toEqual([]);
    expect(reviewProblems(twentyTwo, grading(twentyTwo, 8))[0].message).toContain('最多 7 名');
    const two = full(2);
    expect(reviewProblems(two, grading(two, 1))[0].message).toContain('最多 0 名');
    const three = full(3);
    expect(reviewProblems(three, grading(three, 1))).toEqual([]);
    expect(gradeCounts(grading(full(23), 0)).cap).toBe(7);
    expect(gradeCounts(grading(full(24), 0)).cap).toBe(8);
  });

  it('accepts a review with nobody to grade', () => {
    expect(reviewProblems([], [])).toEqual([]);
    expect(gradeCounts([])).toMatchObject({ graded: 0, cap: 0, excellent: 0 });
    const onlyProbationary: ReviewPerson[] = [{ memberId: 1, name: '宋佳', category: 'probationary' }];
    expect(reviewProblems(onlyProbationary, [])).toEqual([]);
  });

  it('leaves 预备党员 out of the count and refuses a grade for them, saying why', () => {
    const people: ReviewPerson[] = [...full(6), { memberId: 50, name: '宋佳', category: 'probationary' }, { memberId: 51, name: '郑浩', category: 'probationary' }];
    // 6 正式党员 allow 2 优秀, whatever the number of 预备党员.
    expect(reviewProblems(people, grading(people, 2))).toEqual([]);
    expect(reviewProblems(people, grading(people, 3))[0].message).toContain('正式党员 6 名');
    const graded = [...grading(people, 0), { memberId: 50, grade: 'excellent' as const, note: null }];
    const problems = reviewProblems(people, graded);
    expect(problems).toEqual([{ path: 'grades.6', message: expect.stringContaining('宋佳：预备党员参加评议，但不评定等次') }]);
  });

  it('refuses a grade for someone not on the roster of the review date (e.g. joined afterwards)', () => {
    const people = full(3);
    const problems = reviewProblems(people, [...grading(people, 0), { memberId: 99, grade: 'qualified', note: null }]);
    expect(problems).toEqual([{ path: 'grades.3', message: expect.stringContaining('在评议日期不是本支部党员') }]);
  });

  it('needs a 处置意见 for 基本合格 and 不合格, not for the others', () => {
    const people = full(4);
    const grades: GradeEntry[] = [
      { memberId: 1, grade: 'excellent', note: null },
      { memberId: 2, grade: 'qualified', note: null },
      { memberId: 3, grade: 'basicallyQualified', note: '  ' },
      { memberId: 4, grade: 'unqualified', note: null },
    ];
    expect(reviewProblems(people, grades).map((problem) => problem.message)).toEqual(['党员3评为“基本合格”，请填写处置意见', '党员4评为“不合格”，请填写处置意见']);
    grades[2].note = '限期改正，支部书记谈话提醒';
    grades[3].note = '劝其退党';
    expect(reviewProblems(people, grades)).toEqual([]);
  });

  it('names everyone left ungraded and refuses two grades for one person', () => {
    const people = full(4);
    const problems = reviewProblems(people, [
      { memberId: 1, grade: 'qualified', note: null },
      { memberId: 1, grade: 'excellent', note: null },
    ]);
    expect(problems.map((problem) => problem.message)).toEqual(['党员1只能评定一个等次', '还有 3 名正式党员未评定等次：党员2、党员3、党员4']);
  });
});
