import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRubricTemplate, type RubricTemplate } from '../../src/shared/domain/rubricTemplate';
import { miniTemplate } from './rubricFixture';

const DIR = join(__dirname, '../../seeds/rubrics');
const files = readdirSync(DIR).filter((file) => file.endsWith('.json'));

function load(file: string): RubricTemplate {
  const result = parseRubricTemplate(file, JSON.parse(readFileSync(join(DIR, file), 'utf8')));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

const errorsOf = (json: unknown) => {
  const result = parseRubricTemplate('bad.json', json);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
};
// Tests break the raw JSON at any depth, so the template is loosely typed here on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw JSON edited freely by each refusal test
type Loose = Record<string, any>;
const edit = (change: (template: Loose) => void) => {
  const template = miniTemplate() as Loose;
  change(template);
  return template;
};

describe('shipped rubric templates (seeds/rubrics)', () => {
  it('the folder holds the three reference templates, each named after its id', () => {
    expect(files.sort()).toEqual(['star-branch-100.json', 'wuxing-sanqiang-reference.json', 'wuxing-shuangqiang.json']);
    for (const file of files) expect(`${load(file).id}.json`).toBe(file);
  });

  it.each(files)('%s is marked 参考 and says so in its name or source note', (file) => {
    const template = load(file);
    expect(template.status).toBe('参考');
    expect(template.sourceNote).toMatch(/参考模板，不是官方/);
  });

  it('五星三强 has five stars, three 强 and a top level that needs all of them without veto', () => {
    const template = load('wuxing-sanqiang-reference.json');
    expect(template.name).toBe('五星三强（参考模板）');
    expect(template.dimensions.filter((d) => d.kind === 'star')).toHaveLength(5);
    expect(template.dimensions.filter((d) => d.kind === 'qualifier').map((d) => d.name)).toHaveLength(3);
    expect(template.levels[0]).toMatchObject({ name: '五星三强', minStars: 5, noVeto: true });
    expect(template.levels[0].requireQualifiers).toHaveLength(3);
    const autoTypes = template.indicators.flatMap((i) => (i.auto?.rule === 'obligationMet' ? [i.auto.type] : []));
    expect(autoTypes.sort()).toEqual(['committeeMeeting', 'groupMeeting', 'memberAssembly', 'partyLecture', 'themedPartyDay']);
    // 党费 and 发展党员 have no records in the app yet: scored by hand.
    expect(template.indicators.find((i) => i.id === 'members-dues')?.auto).toBeUndefined();
    expect(template.indicators.find((i) => i.id === 'members-recruit')?.auto).toBeUndefined();
  });

  it('五星双强 carries the Shaoxing star and 强 names', () => {
    const names = load('wuxing-shuangqiang.json').dimensions.map((d) => d.name);
    expect(names).toEqual(['党建星', '实力星', '人才星', '文化星', '和谐星', '党建强', '发展强']);
  });

  it('星级党支部 100 sums to 100 and grades by total points only', () => {
    const template = load('star-branch-100.json');
    expect(template.dimensions.reduce((sum, d) => sum + d.maxPoints, 0)).toBe(100);
    expect(template.levels.slice(0, -1).every((level) => level.minPoints !== undefined && level.minStars === undefined)).toBe(true);
  });
});

describe('parseRubricTemplate refusals', () => {
  it('accepts the mini template', () => {
    expect(parseRubricTemplate('mini.json', miniTemplate()).ok).toBe(true);
  });

  it('refuses something that is not an object', () => {
    expect(errorsOf([])).toEqual(['bad.json：不是评分模板（应为一个 JSON 对象）']);
  });

  it('names missing metadata fields', () => {
    const errors = errorsOf(edit((t) => {
      delete t.sourceNote;
      t.status = '草稿';
      t.scope = ['企业'];
    }));
    expect(errors).toContain('bad.json：缺少来源说明（sourceNote）');
    expect(errors).toContain('bad.json：状态（status）只能是 官方 或 参考');
    expect(errors.some((e) => e.includes('适用范围（scope）只能是 两新、机关、村社区'))).toBe(true);
  });

  it('points that do not add up to the dimension max name the dimension', () => {
    const errors = errorsOf(edit((t) => (t.indicators[0].maxPoints = 5)));
    expect(errors).toContain('bad.json：第 1 个维度“a”：maxPoints：维度“A星”满分为 10，但其指标分值（不含加分项）合计 9');
  });

  it('a declared total that does not match the dimensions', () => {
    expect(errorsOf(edit((t) => (t.totalPoints = 100)))).toEqual(['bad.json：totalPoints：总分写为 100，但各维度满分合计 25']);
  });

  it('an indicator with no scoring type, or an unknown one, names the indicator', () => {
    const missing = errorsOf(edit((t) => delete t.indicators[1].scoring));
    expect(missing).toEqual(['bad.json：第 2 个指标“a2”：scoring：缺少评分方式（scoring）']);
    const unknown = errorsOf(edit((t) => (t.indicators[1].scoring = { type: 'stars' })));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatch(/^bad\.json：第 2 个指标“a2”：scoring\.type：评分方式（type）缺失或不认识，应为 yesNo（是否完成）/);
  });

  it('an indicator in an unknown dimension', () => {
    const errors = errorsOf(edit((t) => (t.indicators[5].dimensionId = 'zz')));
    expect(errors).toContain('bad.json：第 6 个指标“q1”：dimensionId：没有编号为“zz”的维度');
  });

  it('duplicate ids', () => {
    const errors = errorsOf(edit((t) => (t.indicators[1].id = 'a1')));
    expect(errors).toContain('bad.json：第 2 个指标的编号“a1”与第 1 个重复');
  });

  it('a level needing more stars than the template has, or more points than reachable', () => {
    const stars = errorsOf(edit((t) => (t.levels[0].minStars = 3)));
    expect(stars).toContain('bad.json：第 1 个等级“top”：minStars：需要点亮 3 颗星，但模板只有 2 颗星，永远达不到');
    const pointsErrors = errorsOf(edit((t) => (t.levels[1].minPoints = 29)));
    expect(pointsErrors).toContain('bad.json：第 2 个等级“two”：minPoints：需要总分 29，但模板最高只能得 28 分，永远达不到');
    // 28 = 25 base + 3 bonus is reachable
    expect(parseRubricTemplate('ok.json', edit((t) => (t.levels[1].minPoints = 28))).ok).toBe(true);
  });

  it('a star threshold above what the dimension can score', () => {
    const errors = errorsOf(edit((t) => (t.dimensions[2].threshold = { minPoints: 6 })));
    expect(errors).toContain('bad.json：第 3 个维度“q”：threshold.minPoints：需要 6 分才点亮，但该维度最多只能得 5 分，永远达不到');
  });

  it('a level requiring an unknown or wrong-kind qualifier', () => {
    const errors = errorsOf(edit((t) => (t.levels[0].requireQualifiers = ['a'])));
    expect(errors).toContain('bad.json：第 1 个等级“top”：requireQualifiers：没有编号为“a”的强');
  });

  it('a level listed below a weaker one can never be reached', () => {
    const errors = errorsOf(edit((t) => (t.levels = [t.levels[2], t.levels[1], t.levels[0], t.levels[3]])));
    expect(errors).toContain('bad.json：第 2 个等级“two”：排在前面的“一星”条件不比它高，凡符合“两星”的都会先评为“一星”，永远评不到；请把等级从高到低排列');
    expect(errors).toContain('bad.json：第 3 个等级“top”：排在前面的“一星”条件不比它高，凡符合“两星一强”的都会先评为“一星”，永远评不到；请把等级从高到低排列');
    // a stricter level above a looser one is fine, even when the looser one needs something else
    expect(parseRubricTemplate('ok.json', edit((t) => (t.levels[1] = { id: 'two', name: '两星', minStars: 1, minPoints: 20 }))).ok).toBe(true);
  });

  it('the last level must be an unconditional fallback', () => {
    const errors = errorsOf(edit((t) => (t.levels[3].minStars = 1)));
    expect(errors).toContain('bad.json：第 4 个等级“none”：最后一个等级是兜底等级（如“未评星”），不能附加条件');
  });

  it('a star without threshold and a required-met threshold with no required indicator', () => {
    const errors = errorsOf(edit((t) => {
      delete t.dimensions[0].threshold;
      t.indicators[2].required = false;
    }));
    expect(errors).toContain('bad.json：第 1 个维度“a”：threshold：“A星”是星，须写明点亮条件（threshold）');
    expect(errors).toContain('bad.json：第 2 个维度“b”：threshold.allRequiredMet：该维度没有标为必达（required）的指标');
  });

  it('scoring details that do not match maxPoints', () => {
    const graded = errorsOf(edit((t) => (t.indicators[5].scoring.levels[0].points = 4)));
    expect(graded).toContain('bad.json：第 6 个指标“q1”：scoring.levels：最高档得分 4 与分值（maxPoints）5 不一致');
    const bonus = errorsOf(edit((t) => (t.indicators[4].scoring.cap = 2)));
    expect(bonus).toContain('bad.json：第 5 个指标“b3”：scoring.cap：加分上限 2 应与分值（maxPoints）3 一致');
    const ratio = errorsOf(edit((t) => (t.indicators[1].scoring = { type: 'ratio', mode: 'thresholds', thresholds: [{ atLeast: 0.9, points: 3 }] })));
    expect(ratio).toContain('bad.json：第 2 个指标“a2”：scoring.thresholds：最高一段得分 3 与分值（maxPoints）4 不一致');
    const target = errorsOf(edit((t) => (t.indicators[0].scoring.target = 0)));
    expect(target).toEqual(['bad.json：第 1 个指标“a1”：scoring.target：目标次数至少为 1']);
  });

  it('caps pointing at unknown levels, vetoes or indicators', () => {
    const errors = errorsOf(edit((t) => {
      t.caps[0].maxLevel = 'zero';
      t.caps[1].when = { indicatorNotMet: 'zz' };
      t.caps.push({ id: 'cap-x', when: { veto: 'nope' }, maxLevel: 'one' });
    }));
    expect(errors).toContain('bad.json：第 1 个封顶规则“cap-veto”：maxLevel：没有编号为“zero”的等级');
    expect(errors).toContain('bad.json：第 2 个封顶规则“cap-b1”：when.indicatorNotMet：没有编号为“zz”的指标');
    expect(errors).toContain('bad.json：第 3 个封顶规则“cap-x”：when.veto：没有编号为“nope”的一票否决事项');
  });

  it('a veto that changes nothing', () => {
    const errors = errorsOf(
      edit((t) => {
        t.caps = [t.caps[1]];
        delete t.levels[0].noVeto;
      }),
    );
    expect(errors).toEqual(['bad.json：第 1 个一票否决事项“v”：这一票否决不影响任何等级，请在等级中写 noVeto 或加一条封顶规则（caps）']);
  });

  it('unknown fields name the item', () => {
    const errors = errorsOf(edit((t) => (t.indicators[0].points = 3)));
    expect(errors).toEqual(['bad.json：第 1 个指标“a1”：不认识的字段 points']);
  });
});
