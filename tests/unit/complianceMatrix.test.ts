import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCompliance, type ComplianceRecord } from '../../src/shared/domain/compliance';
import {
  buildComplianceMatrix,
  newRecordTarget,
  printedCellText,
  requirementWithWindow,
  rowLabel,
  skippedText,
  yearSummaryText,
  type MatrixRecord,
} from '../../src/shared/domain/complianceMatrix';
import type { MeetingType } from '../../src/shared/domain/meetingTypes';
import { applyOverrides, parseRulePack } from '../../src/shared/domain/rulePacks';

// The year grid read by the matrix page and both exports: spans, printed words, the record a
// missing cell would create.

const parsed = parseRulePack('national.json', JSON.parse(readFileSync(join(__dirname, '../../seeds/rulePacks/national.json'), 'utf8')));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const national = applyOverrides(parsed.value, [{ ruleId: 'assembly-quarterly', minimum: 2 }]);
if (!national.ok) throw new Error(national.errors.join('\n'));

let nextId = 1;
const records: (ComplianceRecord & MatrixRecord)[] = [];
function rec(heldOn: string, types: MeetingType[], extra: Partial<ComplianceRecord> = {}) {
  const record = { id: nextId++, heldOn, types, partyGroupId: null, valid: null, lecturerMemberId: null, topic: `${heldOn} 的会议`, ...extra };
  records.push(record);
  return record;
}

const marchFirst = rec('2026-03-28', ['committeeMeeting']);
const marchSecond = rec('2026-03-14', ['committeeMeeting'], { valid: false });
rec('2026-02-10', ['memberAssembly']);
rec('2026-04-09', ['groupMeeting'], { partyGroupId: 2 });

// As of 20 May 2026: May open, June not started; group 2 founded on 1 April.
const report = computeCompliance({
  pack: national.value,
  year: 2026,
  asOf: '2026-05-20',
  branchFoundedOn: null,
  groups: [
    { id: 1, name: '第一党小组', foundedOn: null, dissolvedOn: null },
    { id: 2, name: '第二党小组', foundedOn: '2026-04-01', dissolvedOn: null },
  ],
  secretarySeats: [],
  records,
});
const matrix = buildComplianceMatrix(report, records);
const row = (key: string) => matrix.rows.find((item) => item.key === key)!;

describe('buildComplianceMatrix', () => {
  it('makes one row per rule and per 党小组, each period a cell spanning its months', () => {
    expect(matrix.rows.map((item) => rowLabel(item))).toEqual([
      '支部委员会会议',
      '支部党员大会',
      '党小组会 · 第一党小组',
      '党小组会 · 第二党小组',
      '主题党日',
      '书记讲党课',
      '组织生活会',
      '民主评议党员',
    ]);
    expect(row('committee-monthly').cells.map((cell) => [cell.firstMonth, cell.span])).toEqual(Array.from({ length: 12 }, (_, index) => [index + 1, 1]));
    expect(row('assembly-quarterly').cells.map((cell) => [cell.firstMonth, cell.span])).toEqual([[1, 3], [4, 3], [7, 3], [10, 3]]);
    expect(row('org-life-yearly').cells.map((cell) => [cell.firstMonth, cell.span])).toEqual([[1, 12]]);
    expect(row('group-monthly:2').groupName).toBe('第二党小组');
    expect(rowLabel(row('group-monthly:2'), '\n')).toBe('党小组会\n第二党小组');
  });

  it('gives each cell its records by date, the invalid ones marked', () => {
    const march = row('committee-monthly').cells[2];
    expect(march.records.map((record) => [record.id, record.invalid])).toEqual([
      [marchSecond.id, true],
      [marchFirst.id, false],
    ]);
    expect(printedCellText(march)).toBe('3/14※、3/28');
  });

  it('prints 未开展, 待开展, blank, — and a shortfall by status', () => {
    const committee = row('committee-monthly').cells;
    expect(printedCellText(committee[0])).toBe('未开展');
    expect(printedCellText(committee[4])).toBe('待开展');
    expect(printedCellText(committee[5])).toBe('');
    expect(printedCellText(row('group-monthly:2').cells[2])).toBe('—');
    expect(printedCellText(row('group-monthly:2').cells[3])).toBe('4/9');
    // Q1 needs two 党员大会 under the override; one was held.
    expect(printedCellText(row('assembly-quarterly').cells[0])).toBe('2/10（差 1 次）');
  });

  it('counts done of applicable periods per row, and says the year in one sentence', () => {
    expect(row('committee-monthly').summary).toMatchObject({ done: 1, total: 12, overdue: 3, due: 1, upcoming: 7 });
    expect(row('group-monthly:2').summary).toMatchObject({ done: 1, total: 9, notApplicable: 3 });
    expect(yearSummaryText(matrix)).toBe(`2026年应落实 ${matrix.summary.total} 项，已完成 ${matrix.summary.done} 项，未完成 ${matrix.summary.overdue} 项，进行中 ${matrix.summary.due} 项，尚未开始 ${matrix.summary.upcoming} 项`);
  });

  it('states the requirement, with the usual window apart', () => {
    expect(row('committee-monthly').requirement).toBe('每月至少 1 次');
    expect(row('assembly-quarterly').requirement).toBe('每季度至少 2 次');
    expect(requirementWithWindow(row('org-life-yearly'), '\n')).toBe('每年至少 1 次\n（一般在10—12月）');
    expect(requirementWithWindow(row('committee-monthly'))).toBe('每月至少 1 次');
    expect(matrix.skipped.map(skippedText)).toEqual(['未列入本表：谈心谈话按谈话对象的覆盖面统计（每一对每年至少 1 次），不按次数统计，见谈心谈话覆盖表。']);
  });
});

describe('newRecordTarget', () => {
  it('dates a missing record on the last day of a closed period, today in the open one', () => {
    const committee = row('committee-monthly');
    expect(newRecordTarget(committee, committee.cells[1], matrix.asOf)).toEqual({ type: 'committeeMeeting', groupId: null, heldOn: '2026-02-28' });
    expect(newRecordTarget(committee, committee.cells[4], matrix.asOf)).toEqual({ type: 'committeeMeeting', groupId: null, heldOn: '2026-05-20' });
    const group = row('group-monthly:1');
    expect(newRecordTarget(group, group.cells[0], matrix.asOf)).toEqual({ type: 'groupMeeting', groupId: 1, heldOn: '2026-01-31' });
    const assembly = row('assembly-quarterly');
    expect(newRecordTarget(assembly, assembly.cells[1], matrix.asOf)).toEqual({ type: 'memberAssembly', groupId: null, heldOn: '2026-05-20' });
  });

  it('offers nothing for a period done, not started or not applicable', () => {
    const committee = row('committee-monthly');
    expect(newRecordTarget(committee, committee.cells[2], matrix.asOf)).toBeNull();
    expect(newRecordTarget(committee, committee.cells[6], matrix.asOf)).toBeNull();
    const group = row('group-monthly:2');
    expect(newRecordTarget(group, group.cells[0], matrix.asOf)).toBeNull();
  });
});
