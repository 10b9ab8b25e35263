import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  computeCompliance,
  daysRemainingInPeriod,
  needsAttention,
  periodsOfYear,
  type ComplianceGroup,
  type ComplianceInput,
  type ComplianceRecord,
  type ComplianceReport,
  type SecretarySeat,
} from '../../src/shared/domain/compliance';
import type { MeetingType } from '../../src/shared/domain/meetingTypes';
import { applyOverrides, parseRulePack, withoutOverrides, type EffectivePack, type RuleOverride } from '../../src/shared/domain/rulePacks';

function shippedPack(file: string, overrides: RuleOverride[] = []): EffectivePack {
  const parsed = parseRulePack(file, JSON.parse(readFileSync(join(__dirname, '../../seeds/rulePacks', file), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const applied = applyOverrides(parsed.value, overrides);
  if (!applied.ok) throw new Error(applied.errors.join('\n'));
  return applied.value;
}

const national = shippedPack('national.json');
const zhejiang = shippedPack('zhejiang-organs.json');

let nextId = 1;
function rec(heldOn: string, types: MeetingType[], extra: Partial<ComplianceRecord> = {}): ComplianceRecord {
  return { id: nextId++, heldOn, types, partyGroupId: null, valid: null, lecturerMemberId: null, ...extra };
}

const SECRETARY = 101;
const seats: SecretarySeat[] = [{ memberId: SECRETARY, startsOn: '2024-03-01', endsOn: null }];

function run(input: Partial<ComplianceInput> & Pick<ComplianceInput, 'asOf'>): ComplianceReport {
  return computeCompliance({ pack: national, year: 2026, branchFoundedOn: null, groups: [], secretarySeats: seats, records: [], ...input });
}

function cells(report: ComplianceReport, ruleId: string, groupId: number | null = null) {
  const rule = report.rules.find((item) => item.rule.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const row = rule.rows.find((item) => item.groupId === groupId);
  if (!row) throw new Error(`no row for group ${groupId}`);
  return row.periods;
}
const statuses = (report: ComplianceReport, ruleId: string, groupId: number | null = null) => cells(report, ruleId, groupId).map((cell) => cell.status);

describe('periods', () => {
  it('cut the year into calendar months, quarters and halves, with leap-year Februaries', () => {
    expect(periodsOfYear('quarter', 2026).map((period) => [period.start, period.end, period.label])).toEqual([
      ['2026-01-01', '2026-03-31', '2026年第1季度'],
      ['2026-04-01', '2026-06-30', '2026年第2季度'],
      ['2026-07-01', '2026-09-30', '2026年第3季度'],
      ['2026-10-01', '2026-12-31', '2026年第4季度'],
    ]);
    expect(periodsOfYear('month', 2028)[1]).toMatchObject({ start: '2028-02-01', end: '2028-02-29', label: '2028年2月' });
    expect(periodsOfYear('month', 2026)[1].end).toBe('2026-02-28');
    expect(periodsOfYear('halfYear', 2028).map((period) => [period.end, period.label])).toEqual([
      ['2028-06-30', '2028年上半年'],
      ['2028-12-31', '2028年下半年'],
    ]);
    expect(periodsOfYear('year', 2026)).toEqual([{ kind: 'year', index: 1, start: '2026-01-01', end: '2026-12-31', label: '2026年' }]);
  });
});

describe('“剩余 N 天”: days from asOf to the last day of the period, both included', () => {
  it.each([
    ['2026-03-20', '2026-03-31', 12],
    ['2026-03-31', '2026-03-31', 1],
    ['2026-03-01', '2026-03-31', 31],
    ['2026-02-01', '2026-02-28', 28],
    ['2028-02-01', '2028-02-29', 29],
    ['2028-01-01', '2028-06-30', 182],
    ['2026-01-01', '2026-06-30', 181],
    ['2028-01-01', '2028-12-31', 366],
    ['2026-12-31', '2026-12-31', 1],
  ])('from %s to %s: %i', (asOf, end, days) => {
    expect(daysRemainingInPeriod(asOf, end)).toBe(days);
  });

  it('shows in the dashboard sentence, and on the last day says so', () => {
    expect(cells(run({ asOf: '2026-03-20' }), 'assembly-quarterly')[0]).toMatchObject({
      status: 'due',
      daysRemaining: 12,
      explanation: '本季度尚未召开支部党员大会，剩余 12 天',
    });
    expect(cells(run({ asOf: '2026-03-31' }), 'assembly-quarterly')[0]).toMatchObject({
      status: 'due',
      daysRemaining: 1,
      explanation: '本季度尚未召开支部党员大会，今天是最后一天',
    });
    const nextDay = cells(run({ asOf: '2026-04-01' }), 'assembly-quarterly');
    expect(nextDay[0]).toMatchObject({ status: 'overdue', daysRemaining: null, explanation: '2026年第1季度未召开支部党员大会' });
    expect(nextDay[1]).toMatchObject({ status: 'due', daysRemaining: 91 });
  });

  it('leap February: a monthly rule on 2028-02-28 still has two days', () => {
    const report = run({ year: 2028, asOf: '2028-02-28' });
    expect(cells(report, 'committee-monthly')[1]).toMatchObject({ status: 'due', daysRemaining: 2, explanation: '本月尚未召开支部委员会会议，剩余 2 天' });
  });
});

describe('quarter and year boundaries', () => {
  it('a meeting on 03-31 counts for Q1, one on 04-01 for Q2', () => {
    const march = rec('2026-03-31', ['memberAssembly']);
    const april = rec('2026-04-01', ['memberAssembly']);
    const report = run({ asOf: '2026-05-10', records: [march, april] });
    const quarters = cells(report, 'assembly-quarterly');
    expect(quarters.map((cell) => [cell.status, cell.recordIds])).toEqual([
      ['done', [march.id]],
      ['done', [april.id]],
      ['upcoming', []],
      ['upcoming', []],
    ]);
    expect(quarters[0].explanation).toBe('2026年第1季度已召开支部党员大会 1 次');
    expect(quarters[2].explanation).toBe('2026年第3季度尚未开始');

    const onlyMarch = cells(run({ asOf: '2026-05-10', records: [march] }), 'assembly-quarterly');
    expect(onlyMarch[1]).toMatchObject({ status: 'due', daysRemaining: 52, explanation: '本季度尚未召开支部党员大会，剩余 52 天' });
  });

  it('a meeting on 12-31 belongs to its own year, not the next', () => {
    const newYearsEve = rec('2025-12-31', ['memberAssembly', 'orgLifeMeeting', 'democraticReview']);
    const newYearsDay = rec('2027-01-01', ['memberAssembly']);
    const report = run({ asOf: '2027-02-01', records: [newYearsEve, newYearsDay] });
    expect(statuses(report, 'assembly-quarterly')).toEqual(['overdue', 'overdue', 'overdue', 'overdue']);
    expect(cells(report, 'org-life-yearly')[0]).toMatchObject({ status: 'overdue', explanation: '2026年未召开组织生活会' });
    expect(cells(run({ year: 2025, asOf: '2027-02-01', records: [newYearsEve] }), 'org-life-yearly')[0].status).toBe('done');
  });

  it('counts only what was held by asOf: the report as it looked on that day', () => {
    const later = rec('2026-03-25', ['memberAssembly']);
    expect(cells(run({ asOf: '2026-03-20', records: [later] }), 'assembly-quarterly')[0]).toMatchObject({ status: 'due', count: 0, recordIds: [] });
    expect(cells(run({ asOf: '2026-03-25', records: [later] }), 'assembly-quarterly')[0]).toMatchObject({ status: 'done', recordIds: [later.id] });
  });

  it('half-year boundary in a leap year: 06-30 is the first half, 07-01 the second', () => {
    const pack = shippedPack('zhejiang-organs.json', [{ ruleId: 'lecture-quarterly', period: 'halfYear' }]);
    const leapDay = rec('2028-02-29', ['partyLecture', 'committeeMeeting']);
    const june = rec('2028-06-30', ['partyLecture']);
    const july = rec('2028-07-01', ['partyLecture']);
    const report = run({ pack, year: 2028, asOf: '2028-12-31', records: [leapDay, june, july] });
    expect(cells(report, 'lecture-quarterly').map((cell) => cell.recordIds)).toEqual([[leapDay.id, june.id], [july.id]]);
    expect(cells(report, 'committee-monthly')[1]).toMatchObject({ status: 'done', recordIds: [leapDay.id], period: { end: '2028-02-29' } });
  });
});

describe('a branch founded mid-year: a period counts if the branch existed for at least half of it', () => {
  it('founded 2026-05-20: Q1 and Q2 not applicable, Q3 on; May not, June on; the year on', () => {
    const founding = rec('2026-05-20', ['memberAssembly']);
    const report = run({ branchFoundedOn: '2026-05-20', asOf: '2026-08-10', records: [founding] });
    const quarters = cells(report, 'assembly-quarterly');
    expect(quarters.map((cell) => cell.status)).toEqual(['notApplicable', 'notApplicable', 'due', 'upcoming']);
    expect(quarters[0].reason).toBe('本支部2026年5月20日成立，此前不作要求');
    expect(quarters[1]).toMatchObject({
      reason: '本支部2026年5月20日成立，2026年第2季度存续不足一半，不作要求',
      explanation: '本支部2026年5月20日成立，2026年第2季度存续不足一半，不作要求',
      // the founding meeting is listed, never hidden
      recordIds: [founding.id],
    });
    expect(statuses(report, 'committee-monthly').slice(3, 8)).toEqual(['notApplicable', 'notApplicable', 'overdue', 'overdue', 'due']);
    expect(cells(report, 'org-life-yearly')[0].status).toBe('due');
    // the summary counts applicable periods only: Q3 and Q4
    expect(report.rules.find((item) => item.rule.id === 'assembly-quarterly')!.summary).toEqual({
      done: 0,
      total: 2,
      due: 1,
      overdue: 0,
      upcoming: 1,
      notApplicable: 2,
    });
  });

  it.each([
    ['2026-02-14', 'overdue'], // 46 of Q1's 90 days
    ['2026-02-15', 'overdue'], // 45 of 90: exactly half counts
    ['2026-02-16', 'notApplicable'], // 44 of 90
  ])('founded %s: Q1 is %s', (foundedOn, status) => {
    expect(cells(run({ branchFoundedOn: foundedOn, asOf: '2026-06-01' }), 'assembly-quarterly')[0].status).toBe(status);
  });

  it('a branch founded after the year has nothing applicable; one founded before has everything', () => {
    expect(run({ branchFoundedOn: '2027-03-01', asOf: '2027-06-01' }).summary.total).toBe(0);
    expect(statuses(run({ branchFoundedOn: '2019-07-01', asOf: '2026-06-01' }), 'assembly-quarterly')).toEqual(['overdue', 'due', 'upcoming', 'upcoming']);
  });
});

describe('党小组 created and dissolved mid-year', () => {
  const groups: ComplianceGroup[] = [
    { id: 1, name: '第一党小组', foundedOn: null, dissolvedOn: null },
    { id: 2, name: '第二党小组', foundedOn: '2026-04-10', dissolvedOn: null },
    { id: 3, name: '第三党小组', foundedOn: '2020-01-01', dissolvedOn: '2026-09-10' },
    { id: 4, name: '已撤销的小组', foundedOn: '2020-01-01', dissolvedOn: '2025-12-01' },
    { id: 5, name: '明年的小组', foundedOn: '2027-01-05', dissolvedOn: null },
  ];

  it('one row per group that existed during the year, each judged on its own records and its own dates', () => {
    const g1 = rec('2026-01-15', ['groupMeeting'], { partyGroupId: 1 });
    const g2 = rec('2026-04-20', ['groupMeeting'], { partyGroupId: 2 });
    const g3 = rec('2026-09-05', ['groupMeeting'], { partyGroupId: 3 });
    const report = run({ groups, asOf: '2026-11-15', records: [g1, g2, g3] });
    const rows = report.rules.find((item) => item.rule.id === 'group-monthly')!.rows;
    expect(rows.map((row) => row.groupName)).toEqual(['第一党小组', '第二党小组', '第三党小组']);

    expect(statuses(report, 'group-monthly', 1)).toEqual(['done', ...Array(9).fill('overdue'), 'due', 'upcoming']);
    expect(cells(report, 'group-monthly', 1)[10].explanation).toBe('本月第一党小组尚未召开党小组会，剩余 16 天');
    expect(cells(report, 'group-monthly', 1)[1].explanation).toBe('2026年2月第一党小组未召开党小组会');

    // founded 10 April: 21 of April's 30 days, so April counts (and is done)
    const second = cells(report, 'group-monthly', 2);
    expect(second.map((cell) => cell.status).slice(0, 5)).toEqual(['notApplicable', 'notApplicable', 'notApplicable', 'done', 'overdue']);
    expect(second[0].reason).toBe('第二党小组2026年4月10日成立，此前不作要求');
    expect(second[3].recordIds).toEqual([g2.id]);

    // dissolved 10 September (first day gone): 9 of September's 30 days, so September does not count
    const third = cells(report, 'group-monthly', 3);
    expect(third.map((cell) => cell.status).slice(6)).toEqual(['overdue', 'overdue', 'notApplicable', 'notApplicable', 'notApplicable', 'notApplicable']);
    expect(third[8]).toMatchObject({ reason: '第三党小组2026年9月10日撤销，2026年9月存续不足一半，不作要求', recordIds: [g3.id] });
    expect(third[9].reason).toBe('第三党小组已于2026年9月10日撤销');
  });

  it('a group founded late in a month starts the next month', () => {
    const late: ComplianceGroup = { id: 7, name: '第七党小组', foundedOn: '2026-04-20', dissolvedOn: null };
    const report = run({ groups: [late], asOf: '2026-06-10' });
    expect(statuses(report, 'group-monthly', 7).slice(3, 6)).toEqual(['notApplicable', 'overdue', 'due']);
    expect(cells(report, 'group-monthly', 7)[3].reason).toBe('第七党小组2026年4月20日成立，2026年4月存续不足一半，不作要求');
  });

  it('a group dissolved on 09-16 existed for exactly half of September (1–15), so September still counts', () => {
    const half: ComplianceGroup = { id: 8, name: '第八党小组', foundedOn: null, dissolvedOn: '2026-09-16' };
    const gone: ComplianceGroup = { id: 9, name: '第九党小组', foundedOn: null, dissolvedOn: '2026-09-15' };
    const report = run({ groups: [half, gone], asOf: '2026-12-01' });
    expect(statuses(report, 'group-monthly', 8).slice(8, 10)).toEqual(['overdue', 'notApplicable']);
    expect(statuses(report, 'group-monthly', 9)[8]).toBe('notApplicable');
  });

  it('a group meeting counts only for its own group, and branch rules ignore which group held a meeting', () => {
    const report = run({ groups: groups.slice(0, 1), asOf: '2026-01-31', records: [rec('2026-01-10', ['groupMeeting', 'partyLecture', 'memberAssembly'], { partyGroupId: 2 })] });
    expect(cells(report, 'group-monthly', 1)[0].status).toBe('due');
    expect(cells(report, 'assembly-quarterly')[0].status).toBe('done');
  });
});

describe('one event, several obligations', () => {
  it('a 主题党日 holding a 党员大会 and the 书记’s 党课 satisfies four rules at once', () => {
    const event = rec('2026-02-10', ['themedPartyDay', 'memberAssembly', 'partyLecture'], { lecturerMemberId: SECRETARY });
    const report = run({ pack: zhejiang, asOf: '2026-02-20', records: [event] });
    const satisfiedBy = report.rules.filter((item) => item.rows.some((row) => row.periods.some((cell) => cell.status === 'done' && cell.recordIds.includes(event.id))));
    expect(satisfiedBy.map((item) => item.rule.id).sort()).toEqual(['assembly-quarterly', 'lecture-quarterly', 'secretary-lecture-yearly', 'themed-day-monthly']);
    // and nothing else
    expect(cells(report, 'committee-monthly')[1].status).toBe('due');
  });
});

describe('invalid meetings are counted but flagged', () => {
  it('a 党员大会 without quorum still counts for the quarter and is listed as invalid', () => {
    const invalid = rec('2026-02-10', ['memberAssembly'], { valid: false });
    const valid = rec('2026-05-10', ['memberAssembly'], { valid: true });
    const unknown = rec('2026-08-10', ['memberAssembly'], { valid: null });
    const report = run({ asOf: '2026-12-31', records: [invalid, valid, unknown] });
    const quarters = cells(report, 'assembly-quarterly');
    expect(quarters.map((cell) => [cell.status, cell.invalidRecordIds])).toEqual([
      ['done', [invalid.id]],
      ['done', []],
      ['done', []],
      ['due', []],
    ]);
    expect(quarters[0].explanation).toBe('2026年第1季度已召开支部党员大会 1 次，其中 1 次未达到规定的到会人数（已计入，请核实）');
  });
});

describe('minimum counts above one and overrides', () => {
  const twice = shippedPack('national.json', [{ ruleId: 'committee-monthly', minimum: 2 }]);

  it('a partial month says how many are missing, then how many were held', () => {
    const once = rec('2026-03-03', ['committeeMeeting']);
    expect(cells(run({ pack: twice, asOf: '2026-03-10', records: [once] }), 'committee-monthly')[2]).toMatchObject({
      status: 'due',
      count: 1,
      minimum: 2,
      explanation: '本月已召开支部委员会会议 1 次，还差 1 次，剩余 22 天',
    });
    expect(cells(run({ pack: twice, asOf: '2026-04-01', records: [once] }), 'committee-monthly')[2]).toMatchObject({
      status: 'overdue',
      explanation: '2026年3月只召开支部委员会会议 1 次，少于规定的 2 次',
    });
  });

  it('党课 per half-year: two periods, judged by halves', () => {
    const pack = shippedPack('zhejiang-organs.json', [{ ruleId: 'lecture-quarterly', period: 'halfYear' }]);
    const lecture = rec('2026-02-10', ['partyLecture'], { lecturerMemberId: 555 });
    const report = run({ pack, asOf: '2027-01-05', records: [lecture] });
    const halves = cells(report, 'lecture-quarterly');
    expect(halves.map((cell) => [cell.period.label, cell.status])).toEqual([
      ['2026年上半年', 'done'],
      ['2026年下半年', 'overdue'],
    ]);
    expect(halves[1].explanation).toBe('2026年下半年未上党课');
    expect(report.rules.find((item) => item.rule.id === 'lecture-quarterly')!.rule.overridden?.original.period).toBe('quarter');
    expect(cells(run({ pack, asOf: '2026-09-01' }), 'lecture-quarterly')[1].explanation).toBe('下半年尚未上党课，剩余 122 天');
  });

  it('disabled rules, coverage rules and 支委会 in a branch without a committee are skipped with a reason', () => {
    const pack = shippedPack('national.json', [{ ruleId: 'themed-day-monthly', disabled: true }]);
    const report = run({ pack, hasCommittee: false, asOf: '2026-06-01' });
    expect(report.rules.map((item) => item.rule.id)).not.toContain('themed-day-monthly');
    expect(report.skipped).toEqual([
      { ruleId: 'committee-monthly', label: '支部委员会会议', reason: '本支部未设支部委员会（只设书记），不召开支委会' },
      { ruleId: 'themed-day-monthly', label: '主题党日', reason: '本支部已停用这条规则' },
      { ruleId: 'heart-talk-coverage', label: '谈心谈话', reason: '谈心谈话按谈话对象的覆盖面统计（每一对每年至少 1 次），不按次数统计，见谈心谈话覆盖表' },
    ]);
    expect(run({ asOf: '2026-06-01' }).skipped.map((item) => item.ruleId)).toEqual(['heart-talk-coverage']);
  });
});

describe('书记讲党课 across a 换届', () => {
  const OLD = 201;
  const NEW = 202;
  const handover: SecretarySeat[] = [
    { memberId: OLD, startsOn: '2023-06-15', endsOn: '2026-06-15' },
    { memberId: NEW, startsOn: '2026-06-15', endsOn: null },
  ];
  const lecture = (heldOn: string, lecturerMemberId: number | null) => rec(heldOn, ['partyLecture'], { lecturerMemberId });

  it('lectures by someone not in the 书记 seat on the day do not count', () => {
    const records = [lecture('2026-08-01', OLD), lecture('2026-05-01', NEW), lecture('2026-03-01', null), lecture('2026-04-01', 999)];
    const cell = cells(run({ secretarySeats: handover, asOf: '2027-01-10', records }), 'secretary-lecture-yearly')[0];
    expect(cell).toMatchObject({ status: 'overdue', count: 0, explanation: '2026年书记未讲党课' });
  });

  it.each([
    ['the former secretary while in office', '2026-03-01', OLD],
    ['the new secretary after taking office', '2026-09-01', NEW],
    ['the former secretary on the handover day', '2026-06-15', OLD],
    ['the new secretary on the handover day', '2026-06-15', NEW],
  ])('a lecture by %s counts', (_, heldOn, lecturer) => {
    const given = lecture(heldOn, lecturer);
    expect(cells(run({ secretarySeats: handover, asOf: '2026-12-31', records: [given] }), 'secretary-lecture-yearly')[0]).toMatchObject({
      status: 'done',
      recordIds: [given.id],
      explanation: '2026年书记已讲党课 1 次',
    });
  });

  it('while due, the sentence names the 书记', () => {
    expect(cells(run({ secretarySeats: handover, asOf: '2026-12-01' }), 'secretary-lecture-yearly')[0].explanation).toBe('本年度书记尚未讲党课，剩余 31 天');
  });
});

describe('the usual window is a hint, not a requirement', () => {
  it('组织生活会 in June is done but flagged as outside Q4; while due, the sentence mentions Q4', () => {
    const june = rec('2026-06-20', ['orgLifeMeeting', 'democraticReview']);
    const cell = cells(run({ asOf: '2026-07-01', records: [june] }), 'org-life-yearly')[0];
    expect(cell).toMatchObject({ status: 'done', recordIds: [june.id], outsideWindowRecordIds: [june.id] });
    expect(cells(run({ asOf: '2026-07-01', records: [june] }), 'democratic-review-yearly')[0].outsideWindowRecordIds).toEqual([]);
    expect(cells(run({ asOf: '2026-10-01' }), 'org-life-yearly')[0].explanation).toBe('本年度尚未召开组织生活会（一般安排在10—12月），剩余 92 天');
  });
});

describe('the year at a glance and what needs attention', () => {
  it('summaries per rule and for the year', () => {
    const records = [
      rec('2026-01-10', ['committeeMeeting', 'themedPartyDay', 'memberAssembly']),
      rec('2026-02-10', ['committeeMeeting', 'themedPartyDay']),
      rec('2026-04-10', ['committeeMeeting']),
    ];
    const report = run({ asOf: '2026-04-15', records, groups: [{ id: 1, name: '第一党小组', foundedOn: null, dissolvedOn: null }] });
    const summary = (id: string) => report.rules.find((item) => item.rule.id === id)!.summary;
    expect(summary('committee-monthly')).toEqual({ done: 3, total: 12, due: 0, overdue: 1, upcoming: 8, notApplicable: 0 });
    expect(summary('themed-day-monthly')).toEqual({ done: 2, total: 12, due: 1, overdue: 1, upcoming: 8, notApplicable: 0 });
    expect(summary('assembly-quarterly')).toEqual({ done: 1, total: 4, due: 1, overdue: 0, upcoming: 2, notApplicable: 0 });
    expect(summary('group-monthly')).toEqual({ done: 0, total: 12, due: 1, overdue: 3, upcoming: 8, notApplicable: 0 });
    // 12 + 4 + 12 + 12 + 1 + 1 + 1 periods over the seven count rules
    expect(report.summary).toEqual({ done: 6, total: 43, due: 6, overdue: 5, upcoming: 26, notApplicable: 0 });
  });

  it('needsAttention lists overdue periods oldest first, then due ones soonest first', () => {
    const report = run({ pack: zhejiang, asOf: '2026-03-20', records: [rec('2026-01-05', ['committeeMeeting', 'themedPartyDay', 'memberAssembly', 'partyLecture'])] });
    const items = needsAttention(report);
    expect(items.map((item) => `${item.status} ${item.period.label} ${item.label}`)).toEqual([
      'overdue 2026年2月 支部委员会会议',
      'overdue 2026年2月 主题党日',
      'due 2026年3月 支部委员会会议',
      'due 2026年3月 主题党日',
      'due 2026年 书记讲党课',
      'due 2026年 组织生活会',
      'due 2026年 民主评议党员',
    ]);
    expect(items[2].explanation).toBe('本月尚未召开支部委员会会议，剩余 12 天');
  });

  it('uses the pack as overridden: a recommended rule sorts after the required ones', () => {
    const pack = shippedPack('national.json', [{ ruleId: 'committee-monthly', severity: 'recommended' }]);
    const items = needsAttention(run({ pack, asOf: '2026-01-20' }));
    expect(items.at(-1)).toMatchObject({ label: '支部委员会会议', severity: 'recommended', status: 'due' });
  });

  it('works from a pack without overrides too', () => {
    const parsed = parseRulePack('x.json', JSON.parse(readFileSync(join(__dirname, '../../seeds/rulePacks/jinhua-two-new.json'), 'utf8')));
    if (!parsed.ok) throw new Error();
    const report = run({ pack: withoutOverrides(parsed.value), asOf: '2026-01-01' });
    expect(report).toMatchObject({ packId: 'jinhua-two-new', packVersion: 1 });
    expect(report.rules.map((item) => item.rule.id)).toContain('lecture-quarterly');
  });
});
