import type { RubricDimension, RubricIndicator, RubricLevel, RubricTemplate, Scoring } from './rubricTemplate';

// Pure scoring of one assessment against one template (DOMAIN §7). Input per indicator is the
// assessor's answer in the indicator's own terms (a yes/no, a count, a ratio, a grade, a number of
// problems, a number of bonus items) and optionally a final score that overrides the proposal, with
// a note. Output: each indicator's points, dimension totals, lit stars and 强, vetoes hit, the level
// and a Chinese explanation of why, and problems the assessor must fix before submitting.

export type IndicatorAnswer =
  | { kind: 'yesNo'; value: boolean }
  | { kind: 'count'; value: number }
  | { kind: 'ratio'; value: number }
  | { kind: 'grade'; label: string }
  | { kind: 'occurrences'; value: number }
  | { kind: 'items'; value: number };

export interface IndicatorInput {
  answer?: IndicatorAnswer;
  /** the secretary's final score; differs from the proposal only with a note. */
  finalScore?: number;
  note?: string;
}

export interface AssessmentInput {
  indicators: Record<string, IndicatorInput | undefined>;
  /** veto ids found to apply (一票否决). */
  vetoesHit?: readonly string[];
}

const ANSWER_FOR: Record<Scoring['type'], IndicatorAnswer['kind']> = {
  yesNo: 'yesNo',
  countTarget: 'count',
  ratio: 'ratio',
  graded: 'grade',
  deduction: 'occurrences',
  bonus: 'items',
};
const ANSWER_LABELS: Record<IndicatorAnswer['kind'], string> = {
  yesNo: '是/否',
  count: '次数',
  ratio: '比例',
  grade: '档次',
  occurrences: '扣分次数',
  items: '加分项数',
};

export type ProblemKind = 'unscored' | 'answerMismatch' | 'badAnswer' | 'overrideWithoutNote' | 'aboveMax' | 'belowMin' | 'unknownIndicator' | 'unknownVeto';
export interface ScoringProblem {
  kind: ProblemKind;
  indicatorId?: string;
  message: string;
}

export interface IndicatorResult {
  id: string;
  dimensionId: string;
  maxPoints: number;
  /** what the answer gives; null when there is no usable answer. */
  proposed: number | null;
  /** final score if given, else the proposal, clamped to the indicator's range; 0 when unscored. */
  points: number;
  overridden: boolean;
  met: boolean;
  /** no automatic rule: 需手工评分. */
  manual: boolean;
}

export interface DimensionResult {
  id: string;
  name: string;
  kind: RubricDimension['kind'];
  maxPoints: number;
  points: number;
  lit: boolean;
  /** why it is (not) lit, e.g. “得分 26/30（86.7%），需 80%”. */
  reason: string;
}

export interface AssessmentResult {
  indicators: IndicatorResult[];
  dimensions: DimensionResult[];
  totalPoints: number;
  maxPoints: number;
  litStars: string[];
  starCount: number;
  litQualifiers: string[];
  vetoesHit: string[];
  level: { id: string; name: string };
  /** the level the stars/points earn before any cap. */
  earnedLevel: { id: string; name: string };
  capsApplied: string[];
  explanation: string;
  problems: ScoringProblem[];
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;
const fmt = (value: number): string => String(round2(value));

/** Lowest and highest points an indicator can give. */
export function indicatorRange(indicator: RubricIndicator): { min: number; max: number } {
  return { min: indicator.scoring.type === 'deduction' ? Math.min(0, indicator.scoring.floor) : 0, max: indicator.maxPoints };
}

/** Proposed points for one answer, or a problem when the answer does not fit the scoring type. */
export function scoreAnswer(indicator: Pick<RubricIndicator, 'scoring' | 'maxPoints'>, answer: IndicatorAnswer): { points: number } | { problem: string } {
  const { scoring, maxPoints } = indicator;
  if (ANSWER_FOR[scoring.type] !== answer.kind) {
    return { problem: `评分方式为“${scoring.type}”，应填写${ANSWER_LABELS[ANSWER_FOR[scoring.type]]}，而不是${ANSWER_LABELS[answer.kind]}` };
  }
  if (answer.kind === 'grade') {
    if (scoring.type !== 'graded') return { problem: '档次不适用' };
    const level = scoring.levels.find((candidate) => candidate.label === answer.label);
    if (!level) return { problem: `没有名为“${answer.label}”的档次，应为 ${scoring.levels.map((candidate) => candidate.label).join('、')} 之一` };
    return { points: level.points };
  }
  if (answer.kind === 'yesNo') return { points: answer.value ? maxPoints : 0 };
  const value = answer.value;
  if (!Number.isFinite(value) || value < 0) return { problem: `${ANSWER_LABELS[answer.kind]}应为不小于 0 的数字` };
  if (answer.kind === 'ratio' && value > 1) return { problem: '比例应在 0—1 之间（如 0.85 表示 85%）' };
  if (answer.kind !== 'ratio' && !Number.isInteger(value)) return { problem: `${ANSWER_LABELS[answer.kind]}应为整数` };
  switch (scoring.type) {
    case 'countTarget':
      if (!scoring.proportional) return { points: value >= scoring.target ? maxPoints : 0 };
      return { points: round2((maxPoints * Math.min(value, scoring.target)) / scoring.target) };
    case 'ratio':
      if (scoring.mode === 'linear') return { points: round2(maxPoints * value) };
      return { points: Math.max(0, ...(scoring.thresholds ?? []).filter((step) => value >= step.atLeast).map((step) => step.points)) };
    case 'deduction':
      return { points: Math.max(scoring.floor, round2(maxPoints - scoring.perOccurrence * value)) };
    case 'bonus':
      return { points: Math.min(scoring.cap, round2(scoring.perItem * value)) };
    default:
      return { problem: '评分方式与填写内容不符' };
  }
}

function scoreIndicator(indicator: RubricIndicator, input: IndicatorInput | undefined, problems: ScoringProblem[]): IndicatorResult {
  const where = `指标“${indicator.id}”（${indicator.text}）`;
  const range = indicatorRange(indicator);
  let proposed: number | null = null;
  if (input?.answer) {
    const scored = scoreAnswer(indicator, input.answer);
    if ('problem' in scored) {
      problems.push({ kind: ANSWER_FOR[indicator.scoring.type] === input.answer.kind ? 'badAnswer' : 'answerMismatch', indicatorId: indicator.id, message: `${where}：${scored.problem}` });
    } else proposed = scored.points;
  }
  let points = proposed ?? 0;
  let overridden = false;
  const final = input?.finalScore;
  if (final !== undefined) {
    if (!Number.isFinite(final)) {
      problems.push({ kind: 'badAnswer', indicatorId: indicator.id, message: `${where}：最终得分应为数字` });
    } else {
      overridden = proposed === null || final !== proposed;
      if (overridden && !input?.note?.trim()) {
        const why = proposed === null ? '没有建议分可依据' : `与建议分 ${fmt(proposed)} 不同`;
        problems.push({ kind: 'overrideWithoutNote', indicatorId: indicator.id, message: `${where}：最终得分 ${fmt(final)} ${why}，请写明理由` });
      }
      if (final > range.max) problems.push({ kind: 'aboveMax', indicatorId: indicator.id, message: `${where}：最终得分 ${fmt(final)} 超过分值 ${fmt(range.max)}，按 ${fmt(range.max)} 计` });
      if (final < range.min) problems.push({ kind: 'belowMin', indicatorId: indicator.id, message: `${where}：最终得分 ${fmt(final)} 低于最低分 ${fmt(range.min)}，按 ${fmt(range.min)} 计` });
      points = Math.min(range.max, Math.max(range.min, final));
    }
  }
  if (proposed === null && final === undefined && indicator.scoring.type !== 'bonus') {
    problems.push({ kind: 'unscored', indicatorId: indicator.id, message: `${where}：尚未评分${indicator.auto ? '' : '（需手工评分）'}` });
  }
  const pass = indicator.passPoints ?? indicator.maxPoints;
  return { id: indicator.id, dimensionId: indicator.dimensionId, maxPoints: indicator.maxPoints, proposed, points: round2(points), overridden, met: points >= pass, manual: !indicator.auto };
}

function dimensionResult(dimension: RubricDimension, template: RubricTemplate, results: IndicatorResult[]): DimensionResult {
  const own = results.filter((result) => result.dimensionId === dimension.id);
  const points = round2(own.reduce((sum, result) => sum + result.points, 0));
  const base: Omit<DimensionResult, 'lit' | 'reason'> = { id: dimension.id, name: dimension.name, kind: dimension.kind, maxPoints: dimension.maxPoints, points };
  const threshold = dimension.threshold;
  if (dimension.kind === 'section' || !threshold) return { ...base, lit: false, reason: `得分 ${fmt(points)}/${fmt(dimension.maxPoints)}` };
  const reasons: string[] = [];
  let lit = true;
  const percent = dimension.maxPoints ? (points / dimension.maxPoints) * 100 : 0;
  if (threshold.minPercent !== undefined) {
    const ok = percent + 1e-9 >= threshold.minPercent;
    lit &&= ok;
    reasons.push(`得分 ${fmt(points)}/${fmt(dimension.maxPoints)}（${fmt(Math.round(percent * 10) / 10)}%），需 ${fmt(threshold.minPercent)}%`);
  }
  if (threshold.minPoints !== undefined) {
    lit &&= points >= threshold.minPoints;
    reasons.push(`得分 ${fmt(points)}，需 ${fmt(threshold.minPoints)} 分`);
  }
  if (threshold.allRequiredMet) {
    const requiredIds = new Set(template.indicators.filter((indicator) => indicator.dimensionId === dimension.id && indicator.required).map((indicator) => indicator.id));
    const missed = own.filter((result) => requiredIds.has(result.id) && !result.met).map((result) => result.id);
    lit &&= missed.length === 0;
    reasons.push(missed.length ? `必达指标未达标：${missed.join('、')}` : '必达指标全部达标');
  }
  return { ...base, lit, reason: reasons.join('；') };
}

function levelMet(level: RubricLevel, stars: number, total: number, lit: Set<string>, vetoed: boolean): string[] {
  const unmet: string[] = [];
  if (level.minStars !== undefined && stars < level.minStars) unmet.push(`需点亮 ${level.minStars} 颗星`);
  if (level.minPoints !== undefined && total < level.minPoints) unmet.push(`需总分 ${fmt(level.minPoints)} 分`);
  for (const id of [...(level.requireStars ?? []), ...(level.requireQualifiers ?? [])]) if (!lit.has(id)) unmet.push(`需“${id}”点亮`);
  if (level.noVeto && vetoed) unmet.push('不得有一票否决事项');
  return unmet;
}

/** Scores one assessment. Never throws on bad input: problems are listed and the rest is still scored. */
export function scoreAssessment(template: RubricTemplate, input: AssessmentInput): AssessmentResult {
  const problems: ScoringProblem[] = [];
  const known = new Set(template.indicators.map((indicator) => indicator.id));
  for (const id of Object.keys(input.indicators)) {
    if (!known.has(id)) problems.push({ kind: 'unknownIndicator', indicatorId: id, message: `模板“${template.name}”中没有编号为“${id}”的指标` });
  }
  const indicators = template.indicators.map((indicator) => scoreIndicator(indicator, input.indicators[indicator.id], problems));
  const dimensions = template.dimensions.map((dimension) => dimensionResult(dimension, template, indicators));
  const names = new Map(template.dimensions.map((dimension) => [dimension.id, dimension.name]));
  const litStars = dimensions.filter((dimension) => dimension.kind === 'star' && dimension.lit).map((dimension) => dimension.id);
  const litQualifiers = dimensions.filter((dimension) => dimension.kind === 'qualifier' && dimension.lit).map((dimension) => dimension.id);
  const lit = new Set([...litStars, ...litQualifiers]);
  const totalPoints = round2(indicators.reduce((sum, result) => sum + result.points, 0));
  const maxPoints = round2(template.dimensions.reduce((sum, dimension) => sum + dimension.maxPoints, 0));

  const vetoIds = new Set(template.vetoes.map((veto) => veto.id));
  const vetoesHit = [...new Set(input.vetoesHit ?? [])].filter((id) => {
    if (vetoIds.has(id)) return true;
    problems.push({ kind: 'unknownVeto', message: `模板“${template.name}”中没有编号为“${id}”的一票否决事项` });
    return false;
  });
  const vetoed = vetoesHit.length > 0;

  const earnedIndex = template.levels.findIndex((level) => levelMet(level, litStars.length, totalPoints, lit, vetoed).length === 0);
  let index = earnedIndex;
  const capsApplied: string[] = [];
  const capTexts: string[] = [];
  const byIndicator = new Map(indicators.map((result) => [result.id, result]));
  for (const cap of template.caps) {
    const when = cap.when;
    const applies = 'anyVeto' in when ? vetoed : 'veto' in when ? vetoesHit.includes(when.veto) : byIndicator.get(when.indicatorNotMet)?.met === false;
    if (!applies) continue;
    const capIndex = template.levels.findIndex((level) => level.id === cap.maxLevel);
    if (capIndex > index) {
      index = capIndex;
      capsApplied.push(cap.id);
      capTexts.push(cap.text ?? `封顶为“${template.levels[capIndex].name}”`);
    }
  }
  const level = template.levels[index];
  const earned = template.levels[earnedIndex];

  const parts: string[] = [];
  const starDims = dimensions.filter((dimension) => dimension.kind === 'star');
  if (starDims.length) {
    parts.push(`点亮 ${litStars.length} 颗星${litStars.length ? `（${litStars.map((id) => names.get(id)).join('、')}）` : ''}`);
  }
  for (const dimension of dimensions.filter((candidate) => candidate.kind === 'qualifier')) {
    parts.push(`“${dimension.name}”${dimension.lit ? '达到' : '未达到'}`);
  }
  parts.push(`总分 ${fmt(totalPoints)}/${fmt(maxPoints)}`);
  if (vetoed) parts.push(`有一票否决事项（${vetoesHit.map((id) => template.vetoes.find((veto) => veto.id === id)?.text ?? id).join('；')}）`);
  if (earnedIndex > 0) {
    const above = template.levels[earnedIndex - 1];
    parts.push(`未达“${above.name}”：${levelMet(above, litStars.length, totalPoints, lit, vetoed).map((text) => text.replace(/“([^”]+)”/g, (_, id: string) => `“${names.get(id) ?? id}”`)).join('、')}`);
  }
  if (capTexts.length) parts.push(`${capTexts.join('；')}（原可评“${earned.name}”）`);
  const explanation = `${parts.join('；')} → ${level.name}`;

  return {
    indicators,
    dimensions,
    totalPoints,
    maxPoints,
    litStars,
    starCount: starDims.length,
    litQualifiers,
    vetoesHit,
    level: { id: level.id, name: level.name },
    earnedLevel: { id: earned.id, name: earned.name },
    capsApplied,
    explanation,
    problems,
  };
}
