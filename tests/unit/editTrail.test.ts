import { describe, expect, it } from 'vitest';
import { describeChange, diffSnapshots, maskPhone, trailList, trailNames, trailSearchText } from '../../src/shared/domain/editTrail';

const LABELS = { topic: '主题', heldOn: '召开日期', present: '出席人员', agenda: '议题', count: '人数', done: '已完成' };

describe('diffSnapshots', () => {
  it('lists only changed labelled fields, in label order, old → new', () => {
    const before = { topic: '旧主题', heldOn: '2025-03-12', count: 3, version: 1 };
    const after = { topic: '新主题', heldOn: '2025-03-12', count: 4, version: 2 };
    expect(diffSnapshots(before, after, LABELS)).toEqual([
      { field: 'topic', label: '主题', from: '旧主题', to: '新主题' },
      { field: 'count', label: '人数', from: '3', to: '4' },
    ]);
  });

  it('treats empty text, null and a missing field alike (no change), and shows booleans as 是/否', () => {
    expect(diffSnapshots({ topic: '', done: false }, { topic: null, done: false }, LABELS)).toEqual([]);
    expect(diffSnapshots({ done: false }, { done: true }, LABELS)).toEqual([{ field: 'done', label: '已完成', from: '否', to: '是' }]);
    expect(diffSnapshots({ topic: '会' }, {}, LABELS)).toEqual([{ field: 'topic', label: '主题', from: '会', to: null }]);
  });

  it('summarises a name list as added and removed names', () => {
    const before = { present: trailNames(['张三', '李四']) };
    const after = { present: trailNames(['张三', '王五']) };
    const [change] = diffSnapshots(before, after, LABELS);
    expect(change).toEqual({ field: 'present', label: '出席人员', from: null, to: null, added: ['王五'], removed: ['李四'] });
    expect(describeChange(change)).toBe('出席人员：+王五 −李四');
  });

  it('reports a kept list item whose text changed as old → new, and one changed only inside as 内容有修改', () => {
    const agenda = (items: { title: string; speeches: string[] }[]) => trailList(items, (item) => item.title, (item) => item.title, (item) => item.speeches);
    const before = { agenda: agenda([{ title: '学习', speeches: [] }, { title: '表决', speeches: ['甲'] }]) };
    const after = { agenda: agenda([{ title: '学习', speeches: ['张三领学'] }, { title: '表决', speeches: ['甲'] }]) };
    expect(diffSnapshots(before, after, LABELS)).toEqual([{ field: 'agenda', label: '议题', from: null, to: null, changed: ['学习（内容有修改）'] }]);

    const decisions = (owner: string) => ({ agenda: trailList([{ id: 7, text: `整改（负责人 ${owner}）` }], (item) => item.id, (item) => item.text) });
    expect(diffSnapshots(decisions('张三'), decisions('李四'), LABELS)[0].changed).toEqual(['整改（负责人 张三） → 整改（负责人 李四）']);
  });

  it('ignores a list reordered without other change, and keeps two items with the same key apart', () => {
    expect(diffSnapshots({ present: trailNames(['甲', '乙']) }, { present: trailNames(['乙', '甲']) }, LABELS)).toEqual([]);
    const [change] = diffSnapshots({ present: trailNames(['张伟']) }, { present: trailNames(['张伟', '张伟']) }, LABELS);
    expect(change.added).toEqual(['张伟']);
  });

  it('a new record lists every filled field from empty; a removed one every field to empty', () => {
    const record = { topic: '主题党日', heldOn: null, present: trailNames(['张三']) };
    expect(diffSnapshots(null, record, LABELS)).toEqual([
      { field: 'topic', label: '主题', from: null, to: '主题党日' },
      { field: 'present', label: '出席人员', from: null, to: null, added: ['张三'] },
    ]);
    expect(diffSnapshots(record, null, LABELS)).toEqual([
      { field: 'topic', label: '主题', from: '主题党日', to: null },
      { field: 'present', label: '出席人员', from: null, to: null, removed: ['张三'] },
    ]);
  });
});

describe('describeChange', () => {
  it('shows empty sides as （空） and list edits as 修改', () => {
    expect(describeChange({ field: 'topic', label: '主题', from: null, to: '新' })).toBe('主题：（空） → 新');
    expect(describeChange({ field: 'agenda', label: '议题', from: null, to: null, changed: ['学习（内容有修改）'] })).toBe('议题：修改 学习（内容有修改）');
  });
});

describe('trailSearchText', () => {
  it('holds the label, note, field labels and every value, lower-cased', () => {
    const text = trailSearchText('党员 Zhang', '导入《A.xlsx》', [{ field: 'present', label: '出席人员', from: null, to: null, added: ['王五'], removed: ['李四'] }]);
    for (const part of ['党员 zhang', '导入《a.xlsx》', '出席人员', '王五', '李四']) expect(text).toContain(part);
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile or landline number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0579-82345678')).toBe('057*-****5678');
    expect(maskPhone('12345')).toBe('*****');
  });
});
