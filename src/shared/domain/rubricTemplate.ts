import { z } from 'zod';

// Star-rating rubrics (DOMAIN §7) are versioned data, never code: seeds/rubrics/*.json and imported
// official 评分细则 are validated here. Nothing in this file touches the store; the service that keeps
// templates calls parseRubricTemplate and keeps the working version on any error.

export const RUBRIC_SCOPES = ['两新', '机关', '村社区'] as const;
export type RubricScope = (typeof RUBRIC_SCOPES)[number];
export const RUBRIC_STATUSES = ['官方', '参考'] as const;
export type RubricStatus = (typeof RUBRIC_STATUSES)[number];

/** star: a 星 lit by its threshold; qualifier: a “强” lit the same way; section: a scored part with nothing to light (100-point tables). */
export const DIMENSION_KINDS = ['star', 'qualifier', 'section'] as const;
export type DimensionKind = (typeof DIMENSION_KINDS)[number];
export const DIMENSION_KIND_LABELS: Record<DimensionKind, string> = { star: '星', qualifier: '强', section: '评分项' };

export const SCORING_TYPES = ['yesNo', 'countTarget', 'ratio', 'graded', 'deduction', 'bonus'] as const;
export type ScoringType = (typeof SCORING_TYPES)[number];
export const SCORING_TYPE_LABELS: Record<ScoringType, string> = {
  yesNo: '是否完成',
  countTarget: '按次数（对照目标）',
  ratio: '按比例',
  graded: '分档评分',
  deduction: '按次扣分',
  bonus: '加分项',
};

const ID = /^[a-z][a-zA-Z0-9-]{0,39}$/;
const idField = (what: string) =>
  z.string({ error: `缺少${what}编号（id）` }).regex(ID, `${what}编号应为英文小写字母开头的字母、数字或连字符，不超过 40 个字符`);
const text = (what: string, max: number) =>
  z.string({ error: `缺少${what}` }).trim().min(1, `${what}不能为空`).max(max, `${what}不能超过 ${max} 个字`);
const points = (what: string) =>
  z
    .number({ error: `${what}应为数字` })
    .finite(`${what}应为数字`)
    .refine((value) => Number.isInteger(value * 2), `${what}应为整数或 0.5 分的倍数`);
const positivePoints = (what: string) => points(what).refine((value) => value > 0, `${what}应大于 0`);

const scoringSchema = z.discriminatedUnion(
  'type',
  [
    /** 是 → full marks, 否 → 0. */
    z.strictObject({ type: z.literal('yesNo') }),
    /** count of records vs a target; proportional gives max × count / target, else all or nothing. */
    z.strictObject({
      type: z.literal('countTarget'),
      target: z.number({ error: '目标次数（target）应为数字' }).int('目标次数应为整数').min(1, '目标次数至少为 1'),
      proportional: z.boolean({ error: '按比例得分（proportional）应为是或否' }).default(true),
    }),
    /** a ratio 0–1 (参会率, 覆盖率): linear = max × ratio; thresholds = points of the highest step reached. */
    z.strictObject({
      type: z.literal('ratio'),
      mode: z.enum(['linear', 'thresholds'], { error: '比例评分方式（mode）只能是 linear（按比例折算）或 thresholds（分段）' }),
      thresholds: z
        .array(
          z.strictObject({
            atLeast: z.number({ error: '分段下限（atLeast）应为 0—1 之间的数字' }).min(0, '分段下限应在 0—1 之间').max(1, '分段下限应在 0—1 之间'),
            points: points('分段得分（points）').refine((value) => value >= 0, '分段得分不能为负'),
          }),
          { error: '分段（thresholds）应为列表' },
        )
        .optional(),
    }),
    /** the assessor picks one level (好/较好/一般/差). */
    z.strictObject({
      type: z.literal('graded'),
      levels: z
        .array(
          z.strictObject({
            label: text('档次名称（label）', 20),
            points: points('档次得分（points）').refine((value) => value >= 0, '档次得分不能为负'),
          }),
          { error: '缺少档次（levels）' },
        )
        .min(2, '分档评分至少要有两个档次'),
    }),
    /** starts at full marks, minus perOccurrence for each problem found, never below floor (may be negative). */
    z.strictObject({
      type: z.literal('deduction'),
      perOccurrence: positivePoints('每次扣分（perOccurrence）'),
      floor: points('最低得分（floor）').default(0),
    }),
    /** 加分项: perItem for each item, at most cap (= the indicator's maxPoints); outside the dimension's base max. */
    z.strictObject({
      type: z.literal('bonus'),
      perItem: positivePoints('每项加分（perItem）'),
      cap: positivePoints('加分上限（cap）'),
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union' && issue.note === 'No matching discriminator'
        ? `评分方式（type）缺失或不认识，应为 ${SCORING_TYPES.map((type) => `${type}（${SCORING_TYPE_LABELS[type]}）`).join('、')} 之一`
        : '缺少评分方式（scoring）',
  },
);
export type Scoring = z.output<typeof scoringSchema>;

/** Which automatic rule proposes a score from the records; carried as data ({rule, ...parameters}). Absent = 需手工评分. */
const autoSchema = z
  .object({ rule: z.string({ error: '自动规则应写明规则名（rule）' }).regex(/^[a-z][a-zA-Z0-9]{0,39}$/, '自动规则名（rule）应为英文字母开头的字母或数字') })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.array(z.string())], { error: '自动规则参数只能是文字、数字、是否或文字列表' }));
export type AutoRule = z.output<typeof autoSchema>;

const thresholdSchema = z
  .strictObject({
    /** lit when the dimension's points reach this share of its max (e.g. 80). */
    minPercent: z.number({ error: '得分率（minPercent）应为数字' }).gt(0, '得分率应大于 0').max(100, '得分率不能超过 100'),
    /** lit when the dimension's points reach this many. */
    minPoints: positivePoints('最低得分（minPoints）'),
    /** lit only when every indicator marked required in the dimension is met. */
    allRequiredMet: z.literal(true, { error: '必达指标全部达标（allRequiredMet）只能写 true' }),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, '点亮条件（threshold）至少要写一项：minPercent、minPoints 或 allRequiredMet');

const dimensionSchema = z.strictObject({
  id: idField('维度'),
  name: text('维度名称（name）', 20),
  kind: z.enum(DIMENSION_KINDS, { error: '维度类别（kind）只能是 star（星）、qualifier（强）或 section（评分项）' }),
  maxPoints: positivePoints('维度满分（maxPoints）'),
  threshold: thresholdSchema.optional(),
  description: text('说明（description）', 200).optional(),
});
export type RubricDimension = z.output<typeof dimensionSchema>;

const indicatorSchema = z.strictObject({
  id: idField('指标'),
  dimensionId: z.string({ error: '缺少所属维度（dimensionId）' }).min(1, '所属维度（dimensionId）不能为空'),
  text: text('指标内容（text）', 200),
  /** 评分标准 as printed in the table. */
  criteria: text('评分标准（criteria）', 1000).optional(),
  maxPoints: positivePoints('分值（maxPoints）'),
  scoring: scoringSchema,
  evidence: text('佐证材料（evidence）', 200),
  /** a 必达 indicator: stars with allRequiredMet need it met. */
  required: z.boolean({ error: '必达（required）应为是或否' }).optional(),
  /** points at which the indicator counts as met; default full marks. */
  passPoints: points('达标分（passPoints）').optional(),
  auto: autoSchema.optional(),
});
export type RubricIndicator = z.output<typeof indicatorSchema>;

const levelSchema = z.strictObject({
  id: idField('等级'),
  name: text('等级名称（name）', 20),
  minStars: z.number({ error: '最少星数（minStars）应为数字' }).int('最少星数应为整数').min(1, '最少星数至少为 1').optional(),
  minPoints: positivePoints('最低总分（minPoints）').optional(),
  requireStars: z.array(z.string(), { error: '必须点亮的星（requireStars）应为维度编号列表' }).min(1, '必须点亮的星（requireStars）不能为空列表').optional(),
  requireQualifiers: z
    .array(z.string(), { error: '必须达到的“强”（requireQualifiers）应为维度编号列表' })
    .min(1, '必须达到的“强”（requireQualifiers）不能为空列表')
    .optional(),
  noVeto: z.literal(true, { error: '无一票否决（noVeto）只能写 true' }).optional(),
});
export type RubricLevel = z.output<typeof levelSchema>;

const vetoSchema = z.strictObject({ id: idField('否决事项'), text: text('否决事项内容（text）', 200) });
export type RubricVeto = z.output<typeof vetoSchema>;

const capSchema = z.strictObject({
  id: idField('封顶规则'),
  /** anyVeto: any 一票否决 hit; veto: that one; indicatorNotMet: that indicator below its pass mark. */
  when: z.union(
    [
      z.strictObject({ anyVeto: z.literal(true) }),
      z.strictObject({ veto: z.string().min(1) }),
      z.strictObject({ indicatorNotMet: z.string().min(1) }),
    ],
    { error: '封顶条件（when）应为 {"anyVeto": true}、{"veto": 否决事项编号} 或 {"indicatorNotMet": 指标编号}' },
  ),
  /** the highest level the result may have when the condition holds. */
  maxLevel: z.string({ error: '缺少封顶等级（maxLevel）' }).min(1, '封顶等级（maxLevel）不能为空'),
  text: text('封顶说明（text）', 200).optional(),
});
export type RubricCap = z.output<typeof capSchema>;

export const rubricTemplateSchema = z.strictObject({
  id: idField('模板'),
  name: text('模板名称（name）', 40),
  scope: z.array(z.enum(RUBRIC_SCOPES, { error: `适用范围（scope）只能是 ${RUBRIC_SCOPES.join('、')}` }), { error: '缺少适用范围（scope）' }).min(1, '适用范围（scope）至少写一项'),
  issuer: text('制定单位（issuer）', 60),
  version: z.number({ error: '版本号（version）应为数字' }).int('版本号应为整数').positive('版本号应为正整数'),
  effectiveYear: z.number({ error: '适用年度（effectiveYear）应为数字' }).int('适用年度应为整数').min(2000, '适用年度应在 2000—2100 之间').max(2100, '适用年度应在 2000—2100 之间'),
  status: z.enum(RUBRIC_STATUSES, { error: '状态（status）只能是 官方 或 参考' }),
  sourceNote: text('来源说明（sourceNote）', 1000),
  /** declared total of the base points (e.g. 100); checked against the dimensions. */
  totalPoints: positivePoints('总分（totalPoints）').optional(),
  dimensions: z.array(dimensionSchema, { error: '缺少维度列表（dimensions）' }).min(1, '至少要有一个维度'),
  indicators: z.array(indicatorSchema, { error: '缺少指标列表（indicators）' }).min(1, '至少要有一个指标'),
  /** highest first; the last one has no conditions (e.g. 未评星) so every assessment gets a level. */
  levels: z.array(levelSchema, { error: '缺少等级列表（levels）' }).min(2, '至少要有两个等级（最后一个为兜底等级，如“未评星”）'),
  vetoes: z.array(vetoSchema, { error: '一票否决事项（vetoes）应为列表' }).default([]),
  caps: z.array(capSchema, { error: '封顶规则（caps）应为列表' }).default([]),
});
export type RubricTemplate = z.output<typeof rubricTemplateSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const LIST_LABELS: Record<string, string> = { dimensions: '维度', indicators: '指标', levels: '等级', vetoes: '一票否决事项', caps: '封顶规则' };

function itemName(json: unknown, list: string, index: number): string {
  const items = (json as Record<string, unknown> | null)?.[list];
  const raw = Array.isArray(items) ? (items[index] as { id?: unknown } | undefined) : undefined;
  const idText = raw && typeof raw === 'object' && typeof raw.id === 'string' && raw.id ? `“${raw.id}”` : '';
  return `第 ${index + 1} 个${LIST_LABELS[list] ?? list}${idText}`;
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const path = issue.path;
  const keys = issue.code === 'unrecognized_keys' ? `不认识的字段 ${issue.keys.join('、')}` : null;
  if (typeof path[0] === 'string' && path[0] in LIST_LABELS && typeof path[1] === 'number') {
    const rest = path.slice(2).filter((part) => typeof part === 'string');
    const where = rest.length ? `${rest.join('.')}：` : '';
    return `${itemName(json, path[0], path[1])}：${where}${keys ?? issue.message}`;
  }
  return keys ?? issue.message;
}

/** Number of points above which nothing can go: base maxima plus every bonus cap. */
function reachable(indicators: readonly RubricIndicator[]): number {
  return indicators.reduce((sum, indicator) => sum + indicator.maxPoints, 0);
}

/** True when every assessment meeting `b` also meets `a`. */
function weakerOrEqual(a: RubricLevel, b: RubricLevel): boolean {
  const atMost = (x: number | undefined, y: number | undefined) => x === undefined || (y !== undefined && x <= y);
  const subset = (x: readonly string[] | undefined, y: readonly string[] | undefined) => (x ?? []).every((id) => (y ?? []).includes(id));
  return atMost(a.minStars, b.minStars) && atMost(a.minPoints, b.minPoints) && subset(a.requireStars, b.requireStars) && subset(a.requireQualifiers, b.requireQualifiers) && (!a.noVeto || b.noVeto === true);
}

function checkIndicator(indicator: RubricIndicator, name: string, errors: string[]): void {
  const { scoring, maxPoints } = indicator;
  if (scoring.type === 'ratio') {
    if (scoring.mode === 'thresholds') {
      const steps = scoring.thresholds ?? [];
      if (!steps.length) errors.push(`${name}：scoring.thresholds：分段评分（thresholds）至少要有一段`);
      const sorted = [...steps].sort((a, b) => a.atLeast - b.atLeast);
      if (new Set(steps.map((step) => step.atLeast)).size !== steps.length) errors.push(`${name}：scoring.thresholds：分段下限（atLeast）不能重复`);
      if (sorted.some((step, index) => index > 0 && step.points < sorted[index - 1].points)) {
        errors.push(`${name}：scoring.thresholds：比例越高得分不能越低`);
      }
      if (steps.length && sorted[sorted.length - 1].points !== maxPoints) {
        errors.push(`${name}：scoring.thresholds：最高一段得分 ${sorted[sorted.length - 1].points} 与分值（maxPoints）${maxPoints} 不一致`);
      }
    } else if (scoring.thresholds) {
      errors.push(`${name}：scoring.thresholds：按比例折算（linear）不需要分段，请删去 thresholds 或改用 mode "thresholds"`);
    }
  }
  if (scoring.type === 'graded') {
    const top = Math.max(...scoring.levels.map((level) => level.points));
    if (top !== maxPoints) errors.push(`${name}：scoring.levels：最高档得分 ${top} 与分值（maxPoints）${maxPoints} 不一致`);
    const labels = scoring.levels.map((level) => level.label);
    if (new Set(labels).size !== labels.length) errors.push(`${name}：scoring.levels：档次名称不能重复`);
  }
  if (scoring.type === 'deduction' && scoring.floor >= maxPoints) {
    errors.push(`${name}：scoring.floor：最低得分 ${scoring.floor} 应低于分值（maxPoints）${maxPoints}`);
  }
  if (scoring.type === 'bonus' && scoring.cap !== maxPoints) {
    errors.push(`${name}：scoring.cap：加分上限 ${scoring.cap} 应与分值（maxPoints）${maxPoints} 一致`);
  }
  if (indicator.passPoints !== undefined && (indicator.passPoints > maxPoints || indicator.passPoints < 0)) {
    errors.push(`${name}：passPoints：达标分 ${indicator.passPoints} 应在 0 与分值 ${maxPoints} 之间`);
  }
  if (indicator.required && scoring.type === 'bonus') errors.push(`${name}：required：加分项不能设为必达`);
}

function duplicates<T extends { id: string }>(items: readonly T[], list: string, fileName: string, errors: string[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first !== undefined) errors.push(`${fileName}：第 ${index + 1} 个${LIST_LABELS[list]}的编号“${item.id}”与第 ${first + 1} 个重复`);
    else seen.set(item.id, index);
  });
}

/**
 * Validates one template file. Every message names the file and the item (position and id) and the
 * field, so whoever edited the file or the imported sheet knows what to fix. Besides the shape it
 * refuses points that don't add up, references to unknown dimensions/levels/indicators/vetoes,
 * duplicate ids, vetoes that change nothing and level rules that can never be met.
 */
export function parseRubricTemplate(fileName: string, json: unknown): ParseResult<RubricTemplate> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, errors: [`${fileName}：不是评分模板（应为一个 JSON 对象）`] };
  }
  const parsed = rubricTemplateSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => `${fileName}：${describeIssue(issue, json)}`) };
  }
  const template = parsed.data;
  const errors: string[] = [];
  const at = (list: string, index: number) => `${fileName}：${itemName(json, list, index)}`;

  duplicates(template.dimensions, 'dimensions', fileName, errors);
  duplicates(template.indicators, 'indicators', fileName, errors);
  duplicates(template.levels, 'levels', fileName, errors);
  duplicates(template.vetoes, 'vetoes', fileName, errors);
  duplicates(template.caps, 'caps', fileName, errors);

  const dimensions = new Map(template.dimensions.map((dimension) => [dimension.id, dimension]));
  template.indicators.forEach((indicator, index) => {
    const name = at('indicators', index);
    if (!dimensions.has(indicator.dimensionId)) {
      errors.push(`${name}：dimensionId：没有编号为“${indicator.dimensionId}”的维度`);
    }
    checkIndicator(indicator, name, errors);
  });

  const starCount = template.dimensions.filter((dimension) => dimension.kind === 'star').length;
  let baseTotal = 0;
  template.dimensions.forEach((dimension, index) => {
    const name = at('dimensions', index);
    const own = template.indicators.filter((indicator) => indicator.dimensionId === dimension.id);
    const base = own.filter((indicator) => indicator.scoring.type !== 'bonus').reduce((sum, indicator) => sum + indicator.maxPoints, 0);
    baseTotal += dimension.maxPoints;
    if (!own.length) errors.push(`${name}：维度“${dimension.name}”下没有任何指标`);
    else if (base !== dimension.maxPoints) {
      errors.push(`${name}：maxPoints：维度“${dimension.name}”满分为 ${dimension.maxPoints}，但其指标分值（不含加分项）合计 ${base}`);
    }
    if (dimension.kind === 'section' && dimension.threshold) {
      errors.push(`${name}：threshold：评分项（section）不点亮，不需要点亮条件；要点亮请把 kind 改为 star 或 qualifier`);
    }
    if (dimension.kind !== 'section' && !dimension.threshold) {
      errors.push(`${name}：threshold：“${dimension.name}”是${DIMENSION_KIND_LABELS[dimension.kind]}，须写明点亮条件（threshold）`);
    }
    const threshold = dimension.threshold;
    if (threshold?.minPoints !== undefined && threshold.minPoints > reachable(own)) {
      errors.push(`${name}：threshold.minPoints：需要 ${threshold.minPoints} 分才点亮，但该维度最多只能得 ${reachable(own)} 分，永远达不到`);
    }
    if (threshold?.allRequiredMet && !own.some((indicator) => indicator.required)) {
      errors.push(`${name}：threshold.allRequiredMet：该维度没有标为必达（required）的指标`);
    }
  });
  if (template.totalPoints !== undefined && template.totalPoints !== baseTotal) {
    errors.push(`${fileName}：totalPoints：总分写为 ${template.totalPoints}，但各维度满分合计 ${baseTotal}`);
  }

  const maxTotal = reachable(template.indicators);
  const levelIds = new Set(template.levels.map((level) => level.id));
  template.levels.forEach((level, index) => {
    const name = at('levels', index);
    const last = index === template.levels.length - 1;
    const conditions = level.minStars !== undefined || level.minPoints !== undefined || level.requireStars || level.requireQualifiers || level.noVeto;
    if (last && conditions) errors.push(`${name}：最后一个等级是兜底等级（如“未评星”），不能附加条件`);
    if (!last && !conditions) errors.push(`${name}：除最后一个兜底等级外，每个等级都要有条件（minStars、minPoints、requireStars、requireQualifiers 或 noVeto）`);
    if (level.minStars !== undefined && level.minStars > starCount) {
      errors.push(`${name}：minStars：需要点亮 ${level.minStars} 颗星，但模板只有 ${starCount} 颗星，永远达不到`);
    }
    if (level.minPoints !== undefined && level.minPoints > maxTotal) {
      errors.push(`${name}：minPoints：需要总分 ${level.minPoints}，但模板最高只能得 ${maxTotal} 分，永远达不到`);
    }
    for (const [field, kind] of [
      ['requireStars', 'star'],
      ['requireQualifiers', 'qualifier'],
    ] as const) {
      for (const id of level[field] ?? []) {
        const dimension = dimensions.get(id);
        if (!dimension || dimension.kind !== kind) errors.push(`${name}：${field}：没有编号为“${id}”的${DIMENSION_KIND_LABELS[kind]}`);
      }
    }
  });

  // Levels are tried highest first and the first one met wins: a level whose conditions are all
  // implied by its own would make it unreachable (三星 listed above 五星).
  template.levels.forEach((level, index) => {
    const shadow = template.levels.slice(0, index).find((earlier) => weakerOrEqual(earlier, level));
    if (shadow && index < template.levels.length - 1) {
      errors.push(`${at('levels', index)}：排在前面的“${shadow.name}”条件不比它高，凡符合“${level.name}”的都会先评为“${shadow.name}”，永远评不到；请把等级从高到低排列`);
    }
  });

  const vetoIds = new Set(template.vetoes.map((veto) => veto.id));
  const indicatorIds = new Set(template.indicators.map((indicator) => indicator.id));
  template.caps.forEach((cap, index) => {
    const name = at('caps', index);
    if (!levelIds.has(cap.maxLevel)) errors.push(`${name}：maxLevel：没有编号为“${cap.maxLevel}”的等级`);
    if ('veto' in cap.when && !vetoIds.has(cap.when.veto)) errors.push(`${name}：when.veto：没有编号为“${cap.when.veto}”的一票否决事项`);
    if ('indicatorNotMet' in cap.when && !indicatorIds.has(cap.when.indicatorNotMet)) {
      errors.push(`${name}：when.indicatorNotMet：没有编号为“${cap.when.indicatorNotMet}”的指标`);
    }
    if (cap.maxLevel === template.levels[0]?.id) errors.push(`${name}：maxLevel：封顶在最高等级等于不封顶`);
  });
  const vetoMatters = template.levels.some((level) => level.noVeto) || template.caps.some((cap) => 'anyVeto' in cap.when);
  template.vetoes.forEach((veto, index) => {
    if (!vetoMatters && !template.caps.some((cap) => 'veto' in cap.when && cap.when.veto === veto.id)) {
      errors.push(`${at('vetoes', index)}：这一票否决不影响任何等级，请在等级中写 noVeto 或加一条封顶规则（caps）`);
    }
  });

  return errors.length ? { ok: false, errors } : { ok: true, value: template };
}
