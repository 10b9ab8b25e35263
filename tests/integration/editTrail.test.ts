import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { createEditTrail } from '../../src/main/services/editTrail';
import type { AttachmentItem } from '../../src/shared/contract/attachments';
import type { CommitteeTerm } from '../../src/shared/contract/branch';
import type { CommitteeSeatRecord } from '../../src/shared/contract/committee';
import type { EditTrailEntry, EditTrailPage, EntityTrail } from '../../src/shared/contract/editTrail';
import { AppError } from '../../src/shared/contract/errors';
import type { PartyGroup } from '../../src/shared/contract/groups';
import type { MeetingInput, MeetingRecord } from '../../src/shared/contract/meetings';
import type { Member, MemberInput } from '../../src/shared/contract/members';
import type { MemberImportResult } from '../../src/shared/contract/memberImport';
import type { OrgLifeMaterial } from '../../src/shared/contract/orgLife';
import type { TalkDetail } from '../../src/shared/contract/talks';
import type { DemocraticReview } from '../../src/shared/contract/democraticReview';
import { aBranch, aMember } from '../helpers/builders';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

const ZHANG_ID = '110101199003074477';

async function branch() {
  const clock = fixedClock('2026-11-22T10:00:00');
  const core = tempCore({ clock });
  await call(core, 'branch:create', aBranch());
  const member = (overrides: Partial<MemberInput>) => call<Member>(core, 'members:create', aMember({ idNumber: null, phone: null, ...overrides }));
  const zhang = await member({ name: '张三', idNumber: ZHANG_ID, phone: '13812345678' });
  const li = await member({ name: '李四' });
  const wang = await member({ name: '王五' });
  return { core, clock, zhang, li, wang };
}

const trailOf = (core: Core, entityType: string, entityId: number) => call<EntityTrail>(core, 'editTrail:forEntity', { entityType, entityId });
const latest = async (core: Core, entityType: string, entityId: number): Promise<EditTrailEntry> => (await trailOf(core, entityType, entityId)).entries[0];
const refusal = async (core: Core, method: string, input: unknown) => {
  const result = await core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} should have been refused`);
  return result.error;
};
const trailRows = (core: Core) => (core.store.unsafeDatabase().prepare('SELECT count(*) AS n FROM edit_trail').get() as { n: number }).n;

function themedDay(ids: { zhang: Member; li: Member; wang: Member }, overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    types: ['themedPartyDay'],
    heldOn: '2026-03-12',
    topic: '学习雷锋精神主题党日',
    hostMemberId: ids.zhang.id,
    recorderMemberId: ids.wang.id,
    attendance: [ids.zhang, ids.li, ids.wang].map((member) => ({ memberId: member.id, status: 'present' as const })),
    recordedOn: '2026-03-12',
    agenda: [{ title: '集中学习', speeches: [] }],
    ...overrides,
  };
}

async function withMeeting(types: MeetingInput['types'] = ['themedPartyDay']) {
  const setup = await branch();
  const meeting = await call<MeetingRecord>(setup.core, 'meetings:create', themedDay(setup, { types, topic: `${types.join('+')}记录` }));
  return { ...setup, meeting };
}

describe('edit trail: meeting records', () => {
  it('logs a new record with every filled field, named by date and type', async () => {
    const { core, meeting } = await withMeeting();
    const trail = await trailOf(core, 'meeting', meeting.id);
    expect(trail.count).toBe(1);
    expect(trail.lastChangedAt).toBe(new Date('2026-11-22T10:00:00').toISOString());
    const [entry] = trail.entries;
    expect(entry).toMatchObject({ entityType: 'meeting', entityId: meeting.id, label: '2026-03-12 主题党日', action: 'create', note: null });
    const byLabel = Object.fromEntries(entry.changes.map((change) => [change.label, change]));
    expect(byLabel['主题']).toMatchObject({ from: null, to: 'themedPartyDay记录' });
    expect(byLabel['召开日期']).toMatchObject({ from: null, to: '2026-03-12' });
    expect(byLabel['主持人']).toMatchObject({ from: null, to: '张三' });
    expect(byLabel['出席人员'].added).toEqual(['张三', '李四', '王五']);
    expect(byLabel['议题'].added).toEqual(['集中学习']);
    // Empty fields and internals (ids, version, timestamps) are not listed.
    expect(byLabel['地点']).toBeUndefined();
    expect(entry.changes.map((change) => change.field)).not.toContain('version');
  });

  it('logs an edit as exactly the changed fields, old → new, with attendance as names moved between lists', async () => {
    const { core, clock, meeting, zhang, li, wang } = await withMeeting();
    clock.set('2026-11-30T10:12:00');
    await call(core, 'meetings:update', {
      ...themedDay({ zhang, li, wang }),
      id: meeting.id,
      version: meeting.version,
      topic: '学习雷锋精神，争做新时代先锋',
      attendance: [
        { memberId: zhang.id, status: 'present' },
        { memberId: li.id, status: 'leave', leaveKind: 'sick', reason: '住院' },
        { memberId: wang.id, status: 'present' },
      ],
      agenda: [{ title: '集中学习', speeches: [{ speakerMemberId: zhang.id, summary: '领学' }] }, { title: '志愿服务', speeches: [] }],
    });
    const trail = await trailOf(core, 'meeting', meeting.id);
    expect(trail.count).toBe(2);
    expect(trail.lastChangedAt).toBe(new Date('2026-11-30T10:12:00').toISOString());
    expect(trail.entries[0]).toMatchObject({ action: 'update', label: '2026-03-12 主题党日' });
    expect(trail.entries[0].changes).toEqual([
      { field: 'topic', label: '主题', from: 'themedPartyDay记录', to: '学习雷锋精神，争做新时代先锋' },
      { field: 'present', label: '出席人员', from: null, to: null, removed: ['李四'] },
      { field: 'leave', label: '请假人员', from: null, to: null, added: ['李四（病假，住院）'] },
      { field: 'agenda', label: '议题', from: null, to: null, added: ['志愿服务'], changed: ['集中学习（内容有修改）'] },
    ]);
  });

  it('logs nothing for a save that changes nothing', async () => {
    const { core, meeting, zhang, li, wang } = await withMeeting();
    await call(core, 'meetings:update', { ...themedDay({ zhang, li, wang }, { topic: meeting.topic }), id: meeting.id, version: meeting.version });
    expect((await trailOf(core, 'meeting', meeting.id)).count).toBe(1);
  });

  it('logs nothing for a save refused by validation, a stale window or an error thrown inside the transaction', async () => {
    const { core, meeting, zhang, li, wang } = await withMeeting();
    const rows = trailRows(core);
    const bad = await refusal(core, 'meetings:update', { ...themedDay({ zhang, li, wang }), id: meeting.id, version: meeting.version, recordedOn: '2026-03-01' });
    expect(bad.code).toBe('VALIDATION');
    const stale = await refusal(core, 'meetings:update', { ...themedDay({ zhang, li, wang }), id: meeting.id, version: meeting.version + 5, topic: '另一个窗口' });
    expect(stale.code).toBe('CONFLICT');
    // The write itself happens and then a check fails: the entry goes with the rolled-back write.
    const trail = createEditTrail({ store: core.store, clock: () => new Date() });
    expect(() =>
      core.store.transaction(() =>
        trail.meeting.update(meeting.id, () => {
          core.store.meetings.replace(meeting.id, meeting.version, { ...meeting, topic: '半途而废的修改', hostName: '张三', recorderName: '王五' }, new Date().toISOString());
          throw new AppError('VALIDATION', '模拟：保存时发现问题');
        }),
      ),
    ).toThrow('模拟');
    expect(trailRows(core)).toBe(rows);
    expect((await call<MeetingRecord>(core, 'meetings:get', { id: meeting.id })).topic).toBe(meeting.topic);
    // Outside a transaction the log refuses to write at all.
    expect(() => trail.meeting.update(meeting.id, () => core.store.meetings.replace(meeting.id, meeting.version, { ...meeting, topic: '无事务' }, new Date().toISOString()))).toThrow(
      'inside the transaction',
    );
  });

  it('logs a deletion and a restore (撤销)', async () => {
    const { core, meeting } = await withMeeting();
    await call(core, 'meetings:delete', { id: meeting.id });
    const deleted = await latest(core, 'meeting', meeting.id);
    expect(deleted).toMatchObject({ action: 'delete', label: '2026-03-12 主题党日' });
    expect(deleted.changes.find((change) => change.field === 'topic')).toMatchObject({ from: 'themedPartyDay记录', to: null });
    await call(core, 'meetings:restore', { id: meeting.id });
    const trail = await trailOf(core, 'meeting', meeting.id);
    expect(trail.entries.map((entry) => entry.action)).toEqual(['restore', 'delete', 'create']);
    expect(trail.entries[0].changes).toEqual([]);
    // A refused restore (nothing to restore) logs nothing.
    await refusal(core, 'meetings:restore', { id: meeting.id });
    expect((await trailOf(core, 'meeting', meeting.id)).count).toBe(3);
  });

  it('logs follow-up close and reopen, and attachments added and deleted, on the meeting', async () => {
    const { core, meeting, zhang, li, wang } = await withMeeting();
    const withDecision = await call<MeetingRecord>(core, 'meetings:update', {
      ...themedDay({ zhang, li, wang }, { topic: meeting.topic }),
      id: meeting.id,
      version: meeting.version,
      decisions: [{ text: '整理学习笔记', ownerMemberId: li.id, dueOn: '2026-04-30' }],
    });
    expect((await latest(core, 'meeting', meeting.id)).changes).toEqual([
      { field: 'decisions', label: '决议事项', from: null, to: null, added: ['整理学习笔记（负责人 李四，期限 2026-04-30）'] },
    ]);
    const decisionId = withDecision.decisions[0].id;
    await call(core, 'followUps:close', { id: decisionId, closedOn: '2026-04-20', note: '已交' });
    expect((await latest(core, 'meeting', meeting.id)).changes).toEqual([
      { field: 'followUps', label: '决议办结', from: null, to: null, added: ['“整理学习笔记”2026-04-20 办结（已交）'] },
    ]);
    const rows = trailRows(core);
    expect((await refusal(core, 'followUps:close', { id: decisionId, closedOn: '2026-12-01', note: null })).code).toBe('VALIDATION');
    expect(trailRows(core)).toBe(rows);
    await call(core, 'followUps:reopen', { id: decisionId });
    expect((await latest(core, 'meeting', meeting.id)).changes).toEqual([
      { field: 'followUps', label: '决议办结', from: null, to: null, removed: ['“整理学习笔记”2026-04-20 办结（已交）'] },
    ]);

    const item = await call<AttachmentItem>(core, 'attachments:add', { meetingId: meeting.id, kind: 'signInSheet', fileName: '签到表.pdf', contentBase64: Buffer.from('%PDF-1.4 签到').toString('base64') });
    expect((await latest(core, 'meeting', meeting.id)).changes).toEqual([{ field: 'attachments', label: '附件', from: null, to: null, added: ['签到表.pdf（签到表扫描件）'] }]);
    await call(core, 'attachments:delete', { id: item.id });
    expect((await latest(core, 'meeting', meeting.id)).changes).toEqual([{ field: 'attachments', label: '附件', from: null, to: null, removed: ['签到表.pdf（签到表扫描件）'] }]);
    expect((await trailOf(core, 'meeting', meeting.id)).entries.map((entry) => entry.action)).toEqual(['update', 'update', 'update', 'update', 'update', 'create']);
  });

  it('logs 组织生活会 materials, 民主评议 grades and 谈心谈话 participants on their meeting', async () => {
    const { core, meeting, zhang, li, wang } = await withMeeting(['orgLifeMeeting', 'democraticReview']);
    const material = await call<OrgLifeMaterial>(core, 'orgLife:save', {
      meetingId: meeting.id,
      version: 0,
      plan: '围绕主题开展批评和自我批评',
      planApprovedOn: '2026-03-01',
      problems: [{ text: '理论学习不够深入', category: 'ideological', source: 'selfCheck' }],
      selfReviews: [{ memberId: zhang.id, submitted: true, submittedOn: '2026-03-10' }],
      rectifications: [{ problemIndex: 0, measure: '每月集中学习一次', ownerName: '支部委员会', status: 'open' }],
    });
    const orgLife = await latest(core, 'meeting', meeting.id);
    expect(orgLife).toMatchObject({ action: 'update', label: '2026-03-12 组织生活会、民主评议党员' });
    expect(orgLife.changes).toEqual([
      { field: 'orgLife.plan', label: '组织生活会方案', from: null, to: '围绕主题开展批评和自我批评' },
      { field: 'orgLife.planApprovedOn', label: '方案批准日期', from: null, to: '2026-03-01' },
      { field: 'orgLife.problems', label: '问题清单', from: null, to: null, added: ['理论学习不够深入（思想，自查）'] },
      { field: 'orgLife.selfReviews', label: '对照检查材料', from: null, to: null, added: ['张三 已提交 2026-03-10'] },
      { field: 'orgLife.rectifications', label: '整改清单', from: null, to: null, added: ['每月集中学习一次：未完成'] },
    ]);
    // Ticking a rectification off shows as that item changing.
    await call(core, 'orgLife:save', {
      meetingId: meeting.id,
      version: material.version,
      plan: material.plan,
      planApprovedOn: material.planApprovedOn,
      problems: material.problems.map(({ id, text, category, source }) => ({ id, text, category, source })),
      selfReviews: [{ memberId: zhang.id, submitted: true, submittedOn: '2026-03-10' }],
      rectifications: [{ id: material.rectifications[0].id, problemIndex: 0, measure: '每月集中学习一次', ownerName: '支部委员会', status: 'done', doneOn: '2026-06-30' }],
    });
    expect((await latest(core, 'meeting', meeting.id)).changes).toEqual([
      { field: 'orgLife.rectifications', label: '整改清单', from: null, to: null, changed: ['每月集中学习一次：未完成 → 每月集中学习一次：已完成 2026-06-30'] },
    ]);

    const rows = trailRows(core);
    const grades = (first: 'excellent' | 'qualified') => [
      { memberId: zhang.id, grade: first, note: null },
      { memberId: li.id, grade: 'excellent', note: null },
      { memberId: wang.id, grade: 'qualified', note: null },
    ];
    // Two 优秀 of three is over the one-third cap: refused, nothing logged.
    expect((await refusal(core, 'democraticReview:save', { meetingId: meeting.id, version: 0, grades: grades('excellent') })).code).toBe('VALIDATION');
    expect(trailRows(core)).toBe(rows);
    const review = await call<DemocraticReview>(core, 'democraticReview:save', { meetingId: meeting.id, version: 0, grades: grades('qualified') });
    expect((await latest(core, 'meeting', meeting.id)).changes).toEqual([
      { field: 'democraticReview.grades', label: '民主评议评定等次', from: null, to: null, added: ['张三：合格', '李四：优秀', '王五：合格'] },
    ]);
    await call(core, 'democraticReview:save', {
      meetingId: meeting.id,
      version: review.version,
      grades: [
        { memberId: zhang.id, grade: 'excellent', note: null },
        { memberId: li.id, grade: 'qualified', note: null },
        { memberId: wang.id, grade: 'qualified', note: null },
      ],
    });
    expect((await latest(core, 'meeting', meeting.id)).changes[0].changed).toEqual(['张三：合格 → 张三：优秀', '李四：优秀 → 李四：合格']);

    const talk = await call<MeetingRecord>(core, 'meetings:create', {
      types: ['heartToHeartTalk'],
      heldOn: '2026-05-06',
      topic: '谈心谈话',
      attendance: [],
    });
    await call<TalkDetail>(core, 'talks:save', { meetingId: talk.id, version: 0, form: 'inPerson', participants: [{ memberId: zhang.id }, { memberId: li.id }] });
    expect((await latest(core, 'meeting', talk.id)).changes).toEqual([
      { field: 'talk.form', label: '谈话方式', from: null, to: '面谈' },
      { field: 'talk.participants', label: '谈话人员', from: null, to: null, added: ['张三', '李四'] },
    ]);
  });
});

describe('edit trail: members', () => {
  it('logs a new member with 公民身份号码 and 手机号 masked, and never stores them in full', async () => {
    const { core, zhang } = await branch();
    const [entry] = (await trailOf(core, 'member', zhang.id)).entries;
    expect(entry).toMatchObject({ action: 'create', label: '党员 张三' });
    const byField = Object.fromEntries(entry.changes.map((change) => [change.field, change]));
    expect(byField.idNumber).toEqual({ field: 'idNumber', label: '公民身份号码', from: null, to: '110101********4477' });
    expect(byField.phone).toEqual({ field: 'phone', label: '联系电话', from: null, to: '138****5678' });
    expect(byField.category.to).toBe('正式党员');
    expect(byField.admittedOn.to).toBe('2015-06-30');

    await call(core, 'members:update', { ...aMember({ name: '张三', idNumber: '110101199003076034', phone: '13987654321' }), id: zhang.id, version: zhang.version });
    expect((await latest(core, 'member', zhang.id)).changes).toEqual([
      { field: 'idNumber', label: '公民身份号码', from: '110101********4477', to: '110101********6034' },
      { field: 'phone', label: '联系电话', from: '138****5678', to: '139****4321' },
    ]);
    const leaked = core.store
      .unsafeDatabase()
      .prepare(`SELECT count(*) AS n FROM edit_trail WHERE changes LIKE '%' || ? || '%' OR search_text LIKE '%' || ? || '%' OR changes LIKE '%13812345678%' OR changes LIKE '%13987654321%'`)
      .get(ZHANG_ID, '110101199003076034') as { n: number };
    expect(leaked.n).toBe(0);
    const search = await call<EditTrailPage>(core, 'editTrail:list', { query: ZHANG_ID, page: 1 });
    expect(search.total).toBe(0);
  });

  it('logs field edits, 党小组 moves, history events and their removal; a refused edit logs nothing', async () => {
    const { core, zhang } = await branch();
    const group = await call<PartyGroup>(core, 'groups:create', { name: '第一党小组', foundedOn: '2020-01-01' });
    const moved = await call<Member>(core, 'members:update', { ...aMember({ name: '张三', idNumber: ZHANG_ID, phone: '13812345678' }), id: zhang.id, version: zhang.version, partyGroupId: group.id, workplace: '办公室主任' });
    expect((await latest(core, 'member', zhang.id)).changes).toEqual([
      { field: 'workplace', label: '工作单位及职务', from: null, to: '办公室主任' },
      { field: 'partyGroupId', label: '所在党小组', from: null, to: '第一党小组' },
    ]);

    const rows = trailRows(core);
    const bad = await refusal(core, 'members:update', { ...aMember({ name: '张三', idNumber: ZHANG_ID }), id: zhang.id, version: moved.version, confirmedOn: '2015-01-01' });
    expect(bad.code).toBe('VALIDATION');
    expect(trailRows(core)).toBe(rows);

    const event = await call<{ id: number }>(core, 'memberEvents:create', { memberId: zhang.id, kind: 'transferredOut', occurredOn: '2026-05-01', detail: '市教育局机关支部' });
    expect((await latest(core, 'member', zhang.id)).changes).toEqual([
      { field: 'partyGroupId', label: '所在党小组', from: '第一党小组', to: null },
      { field: 'events', label: '党员变动', from: null, to: null, added: ['2026-05-01 组织关系转出（市教育局机关支部）'] },
    ]);
    await call(core, 'memberEvents:delete', { id: event.id });
    expect((await latest(core, 'member', zhang.id)).changes).toEqual([
      { field: 'partyGroupId', label: '所在党小组', from: null, to: '第一党小组' },
      { field: 'events', label: '党员变动', from: null, to: null, removed: ['2026-05-01 组织关系转出（市教育局机关支部）'] },
    ]);
    expect((await trailOf(core, 'member', zhang.id)).entries.map((entry) => entry.action)).toEqual(['update', 'update', 'update', 'create']);
  });

  it('logs a deleted member with the values it had (masked), kept after the member is gone', async () => {
    const { core, zhang } = await branch();
    await call(core, 'members:delete', { id: zhang.id });
    const [entry] = (await trailOf(core, 'member', zhang.id)).entries;
    expect(entry).toMatchObject({ action: 'delete', label: '党员 张三' });
    expect(entry.changes.find((change) => change.field === 'idNumber')).toMatchObject({ from: '110101********4477', to: null });
  });

  it('logs an import as one 新增 per member noting the file, and its undo as one 删除 each', async () => {
    const { core } = await branch();
    const row = (rowNumber: number, name: string) => ({
      rowNumber,
      values: { name, gender: '女', birthDate: '1992-01-01', admittedOn: '2015-01-01', confirmedOn: '2016-01-01', category: '正式党员', phone: '13700001111' },
    });
    const result = await call<MemberImportResult>(core, 'memberImport:import', { fileName: '花名册.xlsx', rows: [row(2, '赵六'), row(3, '孙七')] });
    const imported = await call<EditTrailPage>(core, 'editTrail:list', { query: '导入《花名册.xlsx》', page: 1 });
    expect(imported.entries.map((entry) => [entry.label, entry.action, entry.note])).toEqual([
      ['党员 孙七', 'create', '导入《花名册.xlsx》'],
      ['党员 赵六', 'create', '导入《花名册.xlsx》'],
    ]);
    expect(imported.entries[0].changes.find((change) => change.field === 'phone')?.to).toBe('137****1111');
    await call(core, 'importBatches:delete', { id: result.batchId });
    const undone = await call<EditTrailPage>(core, 'editTrail:list', { query: '撤销导入', page: 1 });
    expect(undone.entries.map((entry) => [entry.label, entry.action])).toEqual([
      ['党员 孙七', 'delete'],
      ['党员 赵六', 'delete'],
    ]);
  });
});

describe('edit trail: branch, committee and 党小组 settings', () => {
  it('logs the branch, its committee terms and seats, and 党小组 changes', async () => {
    const { core, zhang, li } = await branch();
    const created = await call<EditTrailPage>(core, 'editTrail:list', { entityType: 'branch', page: 1 });
    expect(created.entries).toHaveLength(1);
    expect(created.entries[0]).toMatchObject({ action: 'create', label: `支部信息 ${aBranch().name}` });

    const { name, kind, parentOrg, foundedOn } = aBranch();
    await call(core, 'branch:update', { name, kind, parentOrg, foundedOn, contactPerson: '张三', contactPhone: '0579-82345678' });
    const [update] = (await call<EditTrailPage>(core, 'editTrail:list', { entityType: 'branch', page: 1 })).entries;
    expect(update.changes).toEqual([
      { field: 'contactPerson', label: '联系人', from: null, to: '张三' },
      { field: 'contactPhone', label: '联系电话', from: null, to: '057*-****5678' },
    ]);

    const [term] = (await call<{ id: number }[]>(core, 'committee:list'));
    const seat = await call<CommitteeSeatRecord>(core, 'committeeSeats:create', { termId: term.id, memberId: zhang.id, role: 'secretary', startsOn: '2024-03-15' });
    expect(await latest(core, 'committeeTerm', term.id)).toMatchObject({
      label: '第1届支委会',
      changes: [{ field: 'seats', label: '支委会委员', from: null, to: null, added: ['张三（书记，2024-03-15 起）'] }],
    });
    await call(core, 'committeeSeats:update', { id: seat.id, role: 'secretary', startsOn: '2024-03-15', endsOn: '2025-12-31' });
    expect((await latest(core, 'committeeTerm', term.id)).changes[0].changed).toEqual(['张三（书记，2024-03-15 起） → 张三（书记，2024-03-15 起 至 2025-12-31）']);
    await call(core, 'committeeSeats:delete', { id: seat.id });
    expect((await latest(core, 'committeeTerm', term.id)).changes[0].removed).toEqual(['张三（书记，2024-03-15 起 至 2025-12-31）']);

    // 换届 ends the previous term the day before the new one: both terms' trails say so.
    const next = await call<CommitteeTerm>(core, 'committee:create', { seq: 2, startsOn: '2026-09-01', endsOn: '2031-08-31' });
    expect(await latest(core, 'committeeTerm', term.id)).toMatchObject({
      note: '第2届换届',
      changes: [{ field: 'endsOn', label: '任期结束日期', from: '2027-03-15', to: '2026-08-31' }],
    });
    expect(await latest(core, 'committeeTerm', next.id)).toMatchObject({ action: 'create', label: '第2届支委会' });

    const group = await call<PartyGroup>(core, 'groups:create', { name: '第一党小组', foundedOn: '2020-01-01' });
    await call(core, 'members:update', { ...aMember({ name: '李四', idNumber: null, phone: null }), id: li.id, version: li.version, partyGroupId: group.id });
    await call(core, 'groups:update', { id: group.id, name: '机关第一党小组', foundedOn: '2020-01-01', leaderId: li.id });
    expect((await latest(core, 'group', group.id)).changes).toEqual([
      { field: 'name', label: '党小组名称', from: '第一党小组', to: '机关第一党小组' },
      { field: 'leaderId', label: '组长', from: null, to: '李四' },
    ]);
    const empty = await call<PartyGroup>(core, 'groups:create', { name: '临时党小组', foundedOn: null });
    await call(core, 'groups:delete', { id: empty.id });
    expect((await trailOf(core, 'group', empty.id)).entries.map((entry) => [entry.action, entry.label])).toEqual([
      ['delete', '党小组 临时党小组'],
      ['create', '党小组 临时党小组'],
    ]);
  });
});

describe('editTrail:list', () => {
  it('searches labels and old and new values, filters by kind and date, and pages newest first', async () => {
    const { core, clock, meeting, zhang, li, wang } = await withMeeting();
    clock.set('2026-11-25T09:00:00');
    await call(core, 'meetings:update', { ...themedDay({ zhang, li, wang }), id: meeting.id, version: meeting.version, topic: '学习雷锋精神，争做新时代先锋' });

    // The old topic, the new topic and the record's name each find the edit.
    for (const query of ['themedPartyDay记录', '新时代先锋', '2026-03-12 主题党日', '主题 先锋']) {
      const found = await call<EditTrailPage>(core, 'editTrail:list', { query, page: 1 });
      expect(found.entries.map((entry) => entry.action), query).toContain('update');
      expect(found.entries.every((entry) => entry.entityType === 'meeting'), query).toBe(true);
    }
    expect((await call<EditTrailPage>(core, 'editTrail:list', { query: '先锋 不存在的词', page: 1 })).total).toBe(0);
    // LIKE wildcards typed by the user are plain text.
    expect((await call<EditTrailPage>(core, 'editTrail:list', { query: '%', page: 1 })).total).toBe(0);

    // From/to are local days.
    expect((await call<EditTrailPage>(core, 'editTrail:list', { from: '2026-11-25', to: '2026-11-25', page: 1 })).entries.map((entry) => entry.action)).toEqual(['update']);
    expect((await call<EditTrailPage>(core, 'editTrail:list', { to: '2026-11-24', page: 1 })).total).toBe(6);
    expect((await call<EditTrailPage>(core, 'editTrail:list', { entityType: 'member', page: 1 })).total).toBe(3);
    expect((await refusal(core, 'editTrail:list', { from: '2026-12-01', to: '2026-11-01', page: 1 })).details?.[0]).toMatchObject({ path: 'to', label: '结束日期' });

    for (let n = 1; n <= 30; n += 1) await call(core, 'groups:create', { name: `第${n}党小组`, foundedOn: null });
    const first = await call<EditTrailPage>(core, 'editTrail:list', { page: 1 });
    expect(first).toMatchObject({ total: 37, page: 1, pageSize: 30 });
    expect(first.entries).toHaveLength(30);
    expect(first.entries[0].label).toBe('党小组 第30党小组');
    const second = await call<EditTrailPage>(core, 'editTrail:list', { page: 2 });
    expect(second.entries.map((entry) => entry.label)).toEqual(['2026-03-12 主题党日', '2026-03-12 主题党日', '党员 王五', '党员 李四', '党员 张三', `第1届支委会`, `支部信息 ${aBranch().name}`]);
    expect(new Set([...first.entries, ...second.entries].map((entry) => entry.id)).size).toBe(37);
  });
});

describe('edit trail: 五星三强 self-assessments', () => {
  it('logs the start, the secretary’s entries old → new, submission, reopening with its reason, and a deleted draft', async () => {
    const { demoBranch } = await import('../helpers/demo');
    const demo = await demoBranch();
    const core = demo.core;
    const started = await call<{ id: number }>(core, 'assessments:start', { templateId: 'wuxing-sanqiang-reference', year: 2025 });
    const created = await latest(core, 'assessment', started.id);
    expect(created).toMatchObject({ action: 'create', label: '2025年度五星三强（参考模板）自评' });

    const save = (finalScore: number, note: string) =>
      call(core, 'assessments:save', { id: started.id, indicators: [{ id: 'leadership-committee-meeting', answer: null, finalScore, note }], vetoes: [], summary: null });
    await save(6, '8月未开，酌减');
    await save(7, '8月未开，9月补议');
    const edit = await latest(core, 'assessment', started.id);
    expect(edit.action).toBe('update');
    expect(edit.changes).toHaveLength(1);
    expect(edit.changes[0]).toMatchObject({ field: 'entries', label: '自评得分和说明' });
    expect(JSON.stringify(edit.changes[0])).toContain('支委会每月召开 1 次');

    // A refused save logs nothing.
    const before = (await trailOf(core, 'assessment', started.id)).count;
    const refused = await core.dispatch('assessments:save', { id: started.id, indicators: [{ id: 'leadership-committee-meeting', answer: null, finalScore: 5, note: null }], vetoes: [], summary: null });
    expect(refused.ok).toBe(false);
    expect((await trailOf(core, 'assessment', started.id)).count).toBe(before);

    // Submitting needs every indicator scored: answer the manual ones as the secretary would.
    const view = await call<{ indicators: { id: string; proposal: { manual: boolean }; scoring: { type: string; levels?: { label: string }[]; target?: number } }[] }>(core, 'assessments:get', { id: started.id });
    const answers = view.indicators
      .filter((indicator) => indicator.proposal.manual && indicator.scoring.type !== 'bonus')
      .map((indicator) => {
        const scoring = indicator.scoring;
        const answer =
          scoring.type === 'yesNo' ? { kind: 'yesNo', value: true }
          : scoring.type === 'graded' ? { kind: 'grade', label: scoring.levels![0].label }
          : scoring.type === 'ratio' ? { kind: 'ratio', value: 1 }
          : scoring.type === 'countTarget' ? { kind: 'count', value: scoring.target }
          : { kind: 'occurrences', value: 0 };
        return { id: indicator.id, answer, finalScore: null, note: null };
      });
    await call(core, 'assessments:save', { id: started.id, indicators: [{ id: 'leadership-committee-meeting', answer: null, finalScore: 7, note: '8月未开，9月补议' }, ...answers], vetoes: [], summary: null });
    await call(core, 'assessments:submit', { id: started.id, submittedOn: '2026-01-10' });
    const submitted = await latest(core, 'assessment', started.id);
    expect(submitted.changes.map((change) => change.label)).toEqual(expect.arrayContaining(['状态', '提交日期']));
    expect(submitted.changes.find((change) => change.field === 'status')).toMatchObject({ from: '草稿', to: '已提交' });

    await call(core, 'assessments:reopen', { id: started.id, reason: '补充谈心谈话佐证' });
    const reopened = await latest(core, 'assessment', started.id);
    expect(reopened).toMatchObject({ note: '重新打开：补充谈心谈话佐证' });
    expect(reopened.changes.find((change) => change.field === 'status')).toMatchObject({ from: '已提交', to: '草稿' });

    const draft = await call<{ id: number }>(core, 'assessments:start', { templateId: 'star-branch-100', year: 2025 });
    await call(core, 'assessments:delete', { id: draft.id });
    expect(await latest(core, 'assessment', draft.id)).toMatchObject({ action: 'delete', label: '2025年度星级党支部（百分制参考）自评' });
  });
});
