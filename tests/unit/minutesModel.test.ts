import { describe, expect, it } from 'vitest';
import { chineseOrdinal, tightenSpaces } from '../../src/main/documents/documentModel';
import { minutesFileName, minutesModel, minutesTitle } from '../../src/main/documents/minutes.model';
import { docGrid, PRESETS } from '../../src/main/documents/presets';
import { fitTitleLines } from '../../src/main/documents/renderDocx';
import type { MeetingRecord } from '../../src/shared/contract/meetings';

function aRecord(overrides: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    id: 1,
    version: 1,
    types: ['committeeMeeting'],
    partyGroupId: null,
    heldOn: '2026-03-05',
    startsAt: '09:00',
    endsAt: '10:30',
    location: '党员活动室',
    topic: '研究发展党员工作',
    hostMemberId: 1,
    hostName: '陈建华',
    recorderMemberId: 2,
    recorderName: '李志强',
    lecturerMemberId: null,
    lecturerName: null,
    lectureTitle: null,
    recordedOn: '2026-03-05',
    summary: null,
    agenda: [],
    decisions: [],
    votes: [],
    attendance: [
      { memberId: 1, name: '陈建华', status: 'present', leaveKind: null, reason: null, makeupOn: null, makeupBy: null, makeupMethod: null },
      { memberId: 2, name: '李志强', status: 'present', leaveKind: null, reason: null, makeupOn: null, makeupBy: null, makeupMethod: null },
      { memberId: 3, name: '王丽萍', status: 'leave', leaveKind: 'sick', reason: null, makeupOn: null, makeupBy: null, makeupMethod: null },
      { memberId: 4, name: '刘国平', status: 'absent', leaveKind: null, reason: null, makeupOn: null, makeupBy: null, makeupMethod: null },
    ],
    guests: [],
    exclusions: [],
    createdAt: '2026-03-05T10:00:00.000Z',
    updatedAt: '2026-03-05T10:00:00.000Z',
    assessment: {
      expected: [1, 2, 3, 4, 5].map((memberId) => ({ memberId, name: ['陈建华', '李志强', '王丽萍', '刘国平', '张晓燕'][memberId - 1], category: 'full' as const, entitledToVote: true })),
      excluded: [],
      counts: { expected: 5, expectedFull: 5, expectedProbationary: 0, present: 2, presentFull: 2, presentProbationary: 0, unmarked: 1, leave: 1, absent: 1 },
      quorum: { rule: 'committee', valid: false, needed: 3, explanation: '支委会委员 5 名，到会 2 名，未超过半数（至少需要 3 名）。' },
      votes: [],
      voteProblems: [],
    },
    recordLagDays: 0,
    ...overrides,
  };
}

const facts = (record: MeetingRecord) => Object.fromEntries(minutesModel(record, { branchName: '中共某某支部委员会' }).metaRows);

describe('minutes title and file name', () => {
  it.each([
    [['memberAssembly'], '支部党员大会会议记录'],
    [['partyLecture', 'memberAssembly'], '支部党员大会暨党课会议记录'],
    [['committeeMeeting'], '支部委员会会议记录'],
    [['groupMeeting'], '党小组会议记录'],
    [['partyLecture'], '党课记录'],
    [['themedPartyDay'], '主题党日活动记录'],
    [['orgLifeMeeting', 'democraticReview'], '组织生活会暨民主评议党员会议记录'],
    [['heartToHeartTalk'], '谈心谈话记录'],
  ] as const)('%j → %s', (types, title) => {
    expect(minutesTitle(types)).toBe(title);
  });

  it('names the file by the meeting date', () => {
    expect(minutesFileName({ heldOn: '2026-09-15', types: ['memberAssembly', 'partyLecture'] })).toBe('2026-09-15_支部党员大会暨党课会议记录.docx');
  });
});

describe('minutesModel', () => {
  it('puts the branch, then the type in the title; a 党小组会 names its group', () => {
    expect(minutesModel(aRecord(), { branchName: '中共某某支部委员会' }).title).toEqual(['中共某某支部委员会', '支部委员会会议记录']);
    const group = minutesModel(aRecord({ types: ['groupMeeting'], partyGroupId: 7 }), { branchName: '中共某某支部委员会', groupName: '第一党小组' });
    expect(group.title).toEqual(['中共某某支部委员会第一党小组', '党小组会议记录']);
  });

  it('states 应到/实到 split 正式/预备, absentees with their reason, unmarked people and the quorum verdict', () => {
    const record = aRecord();
    const rows = facts(record);
    expect(rows['时间']).toBe('2026年3月5日 09:00—10:30');
    expect(rows['应到人数']).toBe('5人（正式党员5人、预备党员0人）');
    expect(rows['实到人数']).toBe('2人（正式党员2人、预备党员0人）');
    expect(rows['缺席人员及原因']).toBe('王丽萍（病假）、刘国平（缺席）');
    expect(rows['出勤未登记']).toBe('张晓燕');
    expect(rows['列席人员']).toBe('无');
    expect(rows['授课人']).toBeUndefined();
    expect(minutesModel(record, { branchName: 'x' }).notes).toEqual([{ text: '支委会委员5名，到会2名，未超过半数（至少需要3名）。' }]);
  });

  it('lists 授课人 and 课题 for a 党课 and says so under 会议内容', () => {
    const record = aRecord({ types: ['partyLecture'], lecturerName: '上级党委 张明', lectureTitle: '党章学习', assessment: { ...aRecord().assessment, quorum: null } });
    const model = minutesModel(record, { branchName: 'x' });
    expect(Object.fromEntries(model.metaRows)).toMatchObject({ 授课人: '上级党委 张明', 课题: '党章学习' });
    expect(model.notes).toEqual([]);
    const content = model.sections.find((section) => section.heading?.endsWith('会议内容'))!;
    expect(content.blocks).toContainEqual({ kind: 'paragraph', text: '上级党委 张明同志讲授专题党课《党章学习》。' });
  });

  it('numbers only the sections it has, with speeches, votes, decisions and 补学', () => {
    const record = aRecord({
      summary: '第一段\n\n第二段',
      agenda: [{ title: '研究发展对象', speeches: [{ speakerMemberId: 1, speakerName: '陈建华', summary: '介绍情况' }] }],
      votes: [{ subject: '列为发展对象', agendaPosition: 0, yes: 3, no: 0, abstain: 0, writtenYes: 0, writtenNo: 1 }],
      decisions: [{ id: 1, text: '报上级党委预审', agendaPosition: 0, ownerMemberId: 2, ownerName: '李志强', dueOn: '2026-04-01', closedOn: null, closedNote: null, closedMeeting: null }],
      attendance: [
        ...aRecord().attendance.slice(0, 3),
        { memberId: 4, name: '刘国平', status: 'absent', leaveKind: null, reason: null, makeupOn: '2026-03-08', makeupBy: '陈建华', makeupMethod: '个别传达' },
      ],
    });
    const model = minutesModel(record, { branchName: 'x' });
    expect(model.sections.map((section) => section.heading)).toEqual(['一、会议议题', '二、会议内容', '三、表决情况', '四、决议事项', '五、补学情况']);
    const [agenda, content, votes, decisions, makeup] = model.sections;
    expect(agenda.blocks).toEqual([{ kind: 'paragraph', text: '1. 研究发展对象' }]);
    expect(content.blocks).toEqual([
      { kind: 'paragraph', text: '第一段' },
      { kind: 'paragraph', text: '第二段' },
      { kind: 'heading', level: 2, text: '（一）研究发展对象' },
      { kind: 'paragraph', lead: '陈建华：', text: '介绍情况' },
    ]);
    // Not a 党员大会: counts without a verdict.
    expect(votes.blocks).toEqual([{ kind: 'paragraph', lead: '1. 列为发展对象：', text: '赞成3票，反对0票，弃权0票；另有书面反对意见1份。' }]);
    expect(decisions.blocks).toEqual([{ kind: 'paragraph', text: '1. 报上级党委预审（负责人：李志强；完成期限：2026年4月1日）' }]);
    expect(makeup.blocks).toEqual([{ kind: 'paragraph', text: '刘国平于2026年3月8日通过个别传达完成补学，由陈建华传达会议精神。' }]);
    expect(model.signatures).toEqual(['主持人（签字）：________    记录人（签字）：________']);
  });

  it('says when a decision was closed and at which meeting it was reported', () => {
    const decision = { id: 1, text: '报上级党委预审', agendaPosition: 0, ownerMemberId: 2, ownerName: '李志强', dueOn: '2026-04-01' };
    const closedAt = (closedMeeting: { id: number; heldOn: string; topic: string } | null) =>
      minutesModel(aRecord({ decisions: [{ ...decision, closedOn: '2026-03-28', closedNote: '已报送', closedMeeting }] }), { branchName: 'x' }).sections.find((section) => section.heading?.endsWith('决议事项'))!.blocks;
    expect(closedAt({ id: 9, heldOn: '2026-04-08', topic: '支委会' })).toEqual([
      { kind: 'paragraph', text: '1. 报上级党委预审（负责人：李志强；完成期限：2026年4月1日；已于2026年3月28日办结，在2026年4月8日的会议上汇报）' },
    ]);
    expect(closedAt(null)[0]).toMatchObject({ text: '1. 报上级党委预审（负责人：李志强；完成期限：2026年4月1日；已于2026年3月28日办结）' });
  });

  it('falls back to the topic when no agenda items were entered, and leaves out empty sections', () => {
    const model = minutesModel(aRecord(), { branchName: 'x' });
    expect(model.sections).toEqual([{ heading: '一、会议议题', blocks: [{ kind: 'paragraph', text: '研究发展党员工作' }] }]);
  });
});

describe('document helpers', () => {
  it('numbers headings in Chinese', () => {
    expect([1, 5, 10, 11, 20, 23].map(chineseOrdinal)).toEqual(['一', '五', '十', '十一', '二十', '二十三']);
  });

  it('drops the spaces around numbers in Chinese text only', () => {
    expect(tightenSpaces('应到 22 名，实到 20 名')).toBe('应到22名，实到20名');
    expect(tightenSpaces('上级党委 张明')).toBe('上级党委 张明');
    expect(tightenSpaces('Times New Roman 12 34')).toBe('Times New Roman 12 34');
  });

  it('breaks a title too long for the line before 支部委员会, else in the middle', () => {
    expect(fitTitleLines(['中共浙江金帆智能科技有限公司支部委员会'], 18)).toEqual(['中共浙江金帆智能科技有限公司', '支部委员会']);
    expect(fitTitleLines(['中共浙江金帆智能科技有限公司支部委员会'], 20)).toEqual(['中共浙江金帆智能科技有限公司支部委员会']);
    expect(fitTitleLines(['一二三四五六七八九十'], 6)).toEqual(['一二三四五', '六七八九十']);
  });

  it('derives the GB/T 9704 grid: 579 twips a line, 28 characters of 16 pt in 156 mm', () => {
    expect(docGrid(PRESETS.gbt9704)).toEqual({ linePitch: 579, charSpace: expect.any(Number) });
    expect(docGrid(PRESETS.gbt9704)!.charSpace).toBeLessThan(0);
    expect(docGrid(PRESETS.unit)).toBeNull();
  });
});
