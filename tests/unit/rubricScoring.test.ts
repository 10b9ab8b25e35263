import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreAnswer, scoreAssessment, type AssessmentInput, type IndicatorInput } from '../../src/shared/domain/rubricScoring';
import { parseRubricTemplate, type RubricIndicator, type RubricTemplate } from '../../src/shared/domain/rubricTemplate';
import { miniTemplate } from './rubricFixture';

function parse(json: unknown): RubricTemplate {
  const result = parseRubricTemplate('test.json', json);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}
const mini = parse(miniTemplate());
const indicator = (id: string): RubricIndicator => mini.indicators.find((item) => item.id === id)!;
const points = (id: string, answer: Parameters<typeof scoreAnswer>[1]) => {
  const result = scoreAnswer(indicator(id), answer);
  if ('problem' in result) throw new Error(result.problem);
  return result.points;
};

/** Full marks everywhere except what `change` says. */
function fullInput(change: Record<string, IndicatorInput> = {}, vetoesHit: string[] = []): AssessmentInput {
  return {
    indicators: {
      a1: { answer: { kind: 'count', value: 12 } },
      a2: { answer: { kind: 'ratio', value: 1 } },
      b1: { answer: { kind: 'yesNo', value: true } },
      b2: { answer: { kind: 'occurrences', value: 0 } },
      b3: { answer: { kind: 'items', value: 0 } },
      q1: { answer: { kind: 'grade', label: '好' } },
      ...change,
    },
    vetoesHit,
  };
}

describe('scoring types at their boundaries', () => {
  it('yesNo: full marks or nothing', () => {
    expect(points('b1', { kind: 'yesNo', value: true })).toBe(5);
    expect(points('b1', { kind: 'yesNo', value: false })).toBe(0);
  });

  it('countTarget: proportional up to the target, never above max', () => {
    expect(points('a1', { kind: 'count', value: 0 })).toBe(0);
    expect(points('a1', { kind: 'count', value: 11 })).toBe(5.5);
    expect(points('a1', { kind: 'count', value: 12 })).toBe(6);
    expect(points('a1', { kind: 'count', value: 30 })).toBe(6);
    const strict = { ...indicator('a1'), scoring: { type: 'countTarget' as const, target: 12, proportional: false } };
    expect(scoreAnswer(strict, { kind: 'count', value: 11 })).toEqual({ points: 0 });
    expect(scoreAnswer(strict, { kind: 'count', value: 12 })).toEqual({ points: 6 });
  });

  it('ratio linear and thresholds: step reached exactly at its lower bound', () => {
    expect(points('a2', { kind: 'ratio', value: 0 })).toBe(0);
    expect(points('a2', { kind: 'ratio', value: 0.875 })).toBe(3.5);
    expect(points('a2', { kind: 'ratio', value: 1 })).toBe(4);
    const stepped = { ...indicator('a2'), scoring: { type: 'ratio' as const, mode: 'thresholds' as const, thresholds: [{ atLeast: 0.8, points: 2 }, { atLeast: 0.9, points: 4 }] } };
    expect(scoreAnswer(stepped, { kind: 'ratio', value: 0.79 })).toEqual({ points: 0 });
    expect(scoreAnswer(stepped, { kind: 'ratio', value: 0.8 })).toEqual({ points: 2 });
    expect(scoreAnswer(stepped, { kind: 'ratio', value: 0.899 })).toEqual({ points: 2 });
    expect(scoreAnswer(stepped, { kind: 'ratio', value: 0.9 })).toEqual({ points: 4 });
    expect(scoreAnswer(stepped, { kind: 'ratio', value: 1.2 })).toEqual({ problem: '比例应在 0—1 之间（如 0.85 表示 85%）' });
  });

  it('graded: the chosen level, an unknown level is a problem', () => {
    expect(points('q1', { kind: 'grade', label: '一般' })).toBe(2);
    expect(scoreAnswer(indicator('q1'), { kind: 'grade', label: '差' })).toEqual({ problem: '没有名为“差”的档次，应为 好、一般 之一' });
  });

  it('deduction: per occurrence down to the floor (0 by default, or negative)', () => {
    expect(points('b2', { kind: 'occurrences', value: 0 })).toBe(5);
    expect(points('b2', { kind: 'occurrences', value: 2 })).toBe(1);
    expect(points('b2', { kind: 'occurrences', value: 3 })).toBe(0);
    expect(points('b2', { kind: 'occurrences', value: 10 })).toBe(0);
    const negative = { ...indicator('b2'), scoring: { type: 'deduction' as const, perOccurrence: 2, floor: -3 } };
    expect(scoreAnswer(negative, { kind: 'occurrences', value: 10 })).toEqual({ points: -3 });
    expect(scoreAnswer(indicator('b2'), { kind: 'occurrences', value: 1.5 })).toEqual({ problem: '扣分次数应为整数' });
  });

  it('bonus: per item up to the cap', () => {
    expect(points('b3', { kind: 'items', value: 0 })).toBe(0);
    expect(points('b3', { kind: 'items', value: 3 })).toBe(3);
    expect(points('b3', { kind: 'items', value: 4 })).toBe(3);
  });

  it('an answer of the wrong kind is refused', () => {
    expect(scoreAnswer(indicator('b1'), { kind: 'count', value: 3 })).toEqual({ problem: '评分方式为“yesNo”，应填写是/否，而不是次数' });
  });
});

describe('scoreAssessment', () => {
  it('full marks: both stars, the qualifier, the top level and a clean explanation', () => {
    const result = scoreAssessment(mini, fullInput());
    expect(result.totalPoints).toBe(25);
    expect(result.maxPoints).toBe(25);
    expect(result.litStars).toEqual(['a', 'b']);
    expect(result.litQualifiers).toEqual(['q']);
    expect(result.level).toEqual({ id: 'top', name: '两星一强' });
    expect(result.problems).toEqual([]);
    expect(result.explanation).toBe('点亮 2 颗星（A星、B星）；“Q强”达到；总分 25/25 → 两星一强');
  });

  it('a star is lit exactly at its percentage and not one half-point below', () => {
    // a: 6 + 2 = 8 of 10 = 80%
    const at = scoreAssessment(mini, fullInput({ a2: { answer: { kind: 'ratio', value: 0.5 } } }));
    expect(at.dimensions[0]).toMatchObject({ points: 8, lit: true, reason: '得分 8/10（80%），需 80%' });
    const below = scoreAssessment(mini, fullInput({ a2: { answer: { kind: 'ratio', value: 0.375 } } }));
    expect(below.dimensions[0]).toMatchObject({ points: 7.5, lit: false });
  });

  it('bonus points count toward a dimension but a required indicator not met keeps the star dark', () => {
    const result = scoreAssessment(
      mini,
      fullInput({ b1: { answer: { kind: 'yesNo', value: false } }, b3: { answer: { kind: 'items', value: 5 } } }),
    );
    const b = result.dimensions.find((dimension) => dimension.id === 'b')!;
    expect(b.points).toBe(8); // 0 + 5 + 3 bonus: 80%, but b1 is 必达
    expect(b.lit).toBe(false);
    expect(b.reason).toBe('得分 8/10（80%），需 80%；必达指标未达标：b1');
    expect(result.litStars).toEqual(['a']);
    expect(result.level.name).toBe('一星');
  });

  it('a qualifier not reached drops the top level and the explanation says why', () => {
    const result = scoreAssessment(mini, fullInput({ q1: { answer: { kind: 'grade', label: '一般' } } }));
    expect(result.level.name).toBe('两星');
    expect(result.explanation).toBe('点亮 2 颗星（A星、B星）；“Q强”未达到；总分 22/25；未达“两星一强”：需“Q强”点亮 → 两星');
  });

  it('a veto caps at 不评星 and the explanation names it', () => {
    const result = scoreAssessment(mini, fullInput({}, ['v']));
    expect(result.vetoesHit).toEqual(['v']);
    expect(result.earnedLevel.name).toBe('两星');
    expect(result.level).toEqual({ id: 'none', name: '不评星' });
    expect(result.capsApplied).toEqual(['cap-veto']);
    expect(result.explanation).toBe(
      '点亮 2 颗星（A星、B星）；“Q强”达到；总分 25/25；有一票否决事项（严重违纪）；未达“两星一强”：不得有一票否决事项；有一票否决事项，不评星（原可评“两星”） → 不评星',
    );
  });

  it('an indicator cap lowers the level only when it is lower than what was earned', () => {
    const raw = miniTemplate() as { dimensions: Array<Record<string, unknown>> };
    const template = parse({ ...raw, dimensions: raw.dimensions.map((d) => (d.id === 'b' ? { ...d, threshold: { minPercent: 50 } } : d)) });
    const capped = scoreAssessment(template, fullInput({ b1: { answer: { kind: 'yesNo', value: false } } }));
    expect(capped.litStars).toEqual(['a', 'b']);
    expect(capped.earnedLevel.name).toBe('两星一强');
    expect(capped.level.name).toBe('一星');
    expect(capped.capsApplied).toEqual(['cap-b1']);
    const alreadyLower = scoreAssessment(template, fullInput({ b1: { answer: { kind: 'yesNo', value: false } }, a1: { answer: { kind: 'count', value: 0 } } }));
    expect(alreadyLower.level.name).toBe('一星');
    expect(alreadyLower.capsApplied).toEqual([]);
  });

  it('no stars at all falls to the fallback level', () => {
    const result = scoreAssessment(mini, { indicators: {} });
    expect(result.level.name).toBe('不评星');
    expect(result.totalPoints).toBe(0);
    expect(result.explanation.startsWith('点亮 0 颗星；“Q强”未达到；总分 0/25；未达“一星”：需点亮 1 颗星')).toBe(true);
    // every base indicator is listed as unscored; the bonus item is optional; indicators without auto rule say 需手工评分
    expect(result.problems.map((problem) => problem.indicatorId)).toEqual(['a1', 'a2', 'b1', 'b2', 'q1']);
    expect(result.problems[1].message).toBe('指标“a2”（到会率）：尚未评分（需手工评分）');
    expect(result.problems[0].message).toBe('指标“a1”（支委会）：尚未评分');
  });
});

describe('overrides and validation problems', () => {
  it('an override that differs from the proposal needs a note; with one it counts', () => {
    const noNote = scoreAssessment(mini, fullInput({ a1: { answer: { kind: 'count', value: 10 }, finalScore: 6 } }));
    expect(noNote.indicators[0]).toMatchObject({ proposed: 5, points: 6, overridden: true });
    expect(noNote.problems).toEqual([{ kind: 'overrideWithoutNote', indicatorId: 'a1', message: '指标“a1”（支委会）：最终得分 6 与建议分 5 不同，请写明理由' }]);
    const withNote = scoreAssessment(mini, fullInput({ a1: { answer: { kind: 'count', value: 10 }, finalScore: 6, note: '两次支委会合并召开，上级认可' } }));
    expect(withNote.problems).toEqual([]);
    expect(withNote.indicators[0].points).toBe(6);
  });

  it('an override equal to the proposal is not an override', () => {
    const result = scoreAssessment(mini, fullInput({ a1: { answer: { kind: 'count', value: 10 }, finalScore: 5 } }));
    expect(result.indicators[0].overridden).toBe(false);
    expect(result.problems).toEqual([]);
  });

  it('a score above max is reported and clamped; below the floor too', () => {
    const result = scoreAssessment(mini, fullInput({ a1: { finalScore: 9, note: '手工' }, b2: { finalScore: -2, note: '手工' } }));
    expect(result.indicators[0].points).toBe(6);
    expect(result.indicators.find((item) => item.id === 'b2')!.points).toBe(0);
    expect(result.problems.map((problem) => problem.kind)).toEqual(['aboveMax', 'belowMin']);
    expect(result.problems[0].message).toBe('指标“a1”（支委会）：最终得分 9 超过分值 6，按 6 计');
  });

  it('a final score with no answer needs a note (there is no proposal)', () => {
    const result = scoreAssessment(mini, fullInput({ a2: { finalScore: 4 } }));
    expect(result.problems).toEqual([{ kind: 'overrideWithoutNote', indicatorId: 'a2', message: '指标“a2”（到会率）：最终得分 4 没有建议分可依据，请写明理由' }]);
  });

  it('unknown indicators and vetoes, and a wrong answer kind, are problems, not crashes', () => {
    const result = scoreAssessment(mini, { ...fullInput({ zz: { finalScore: 1 }, b1: { answer: { kind: 'count', value: 1 } } }), vetoesHit: ['nope'] });
    expect(result.problems.map((problem) => problem.kind).sort()).toEqual(['answerMismatch', 'unknownIndicator', 'unknownVeto', 'unscored'].sort());
    expect(result.vetoesHit).toEqual([]);
  });
});

describe('shipped templates score end to end', () => {
  const load = (file: string) => parse(JSON.parse(readFileSync(join(__dirname, '../../seeds/rubrics', file), 'utf8')));

  it('五星三强: full marks → 五星三强; no 组织生活会 → capped at 三星; a veto → 不评星', () => {
    const template = load('wuxing-sanqiang-reference.json');
    const full: AssessmentInput['indicators'] = {};
    for (const item of template.indicators) {
      const answer = scoreAnswerFor(item);
      full[item.id] = { answer };
    }
    expect(scoreAssessment(template, { indicators: full }).level.name).toBe('五星三强');
    expect(scoreAssessment(template, { indicators: full }).totalPoints).toBe(134);
    const noMeeting = scoreAssessment(template, { indicators: { ...full, 'org-life-meeting': { answer: { kind: 'yesNo', value: false } } } });
    expect(noMeeting.litStars).toHaveLength(4);
    expect(noMeeting.level.name).toBe('三星');
    expect(noMeeting.explanation).toContain('未召开组织生活会或整改未完成，最高评三星（原可评“四星”）');
    expect(scoreAssessment(template, { indicators: full, vetoesHit: ['veto-fraud'] }).level.name).toBe('不评星');
  });

  it('星级党支部 100: level by total points at the boundary', () => {
    const template = load('star-branch-100.json');
    const full: AssessmentInput['indicators'] = {};
    for (const item of template.indicators) full[item.id] = { answer: scoreAnswerFor(item) };
    // 100 - 10 (支委会 0 次) = 90 → 五星; one 台账 gap more → 88 → 四星
    const ninety = scoreAssessment(template, { indicators: { ...full, 'org-committee': { answer: { kind: 'count', value: 0 } }, 'role-honor': { answer: { kind: 'items', value: 0 } } } });
    expect(ninety.totalPoints).toBe(90);
    expect(ninety.level.name).toBe('五星');
    const below = scoreAssessment(template, { indicators: { ...full, 'org-committee': { answer: { kind: 'count', value: 0 } }, 'role-honor': { answer: { kind: 'items', value: 0 } }, 'rec-ledger': { answer: { kind: 'occurrences', value: 1 } } } });
    expect(below.level.name).toBe('四星');
    expect(below.explanation).toBe('总分 88/100；未达“五星”：需总分 90 分 → 四星');
  });
});

/** The answer giving full marks (and every bonus item) for an indicator. */
function scoreAnswerFor(item: RubricIndicator) {
  switch (item.scoring.type) {
    case 'yesNo':
      return { kind: 'yesNo', value: true } as const;
    case 'countTarget':
      return { kind: 'count', value: item.scoring.target } as const;
    case 'ratio':
      return { kind: 'ratio', value: 1 } as const;
    case 'graded':
      return { kind: 'grade', label: item.scoring.levels[0].label } as const;
    case 'deduction':
      return { kind: 'occurrences', value: 0 } as const;
    case 'bonus':
      return { kind: 'items', value: 10 } as const;
  }
}
