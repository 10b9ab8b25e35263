import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { unchangedUpdate, type MeetingAssessment, type MeetingInput, type MeetingListItem, type MeetingRecord } from '../../src/shared/contract/meetings';
import type { PartyGroup } from '../../src/shared/contract/groups';
import { databasePath } from '../../src/main/dataDir';
import { MIGRATIONS, migrate } from '../../src/main/store/migrate';
import { demoBranch } from '../helpers/demo';
import { call, tempCore, tempDataDir } from '../helpers/tempCore';

type Core = ReturnType<typeof tempCore>;

const demo = () => demoBranch();

const list = (core: Core, input: Record<string, unknown>) => call<MeetingListItem[]>(core, 'meetings:list', input);
const topics = async (core: Core, input: Record<string, unknown>) => (await list(core, input)).map((item) => item.topic);

/** A 党员大会兼党课 in which every searchable field holds its own words. */
async function recordWithEveryField(core: Core, byName: (name: string) => number): Promise<MeetingRecord> {
  const heldOn = '2026-10-20';
  const check = await call<MeetingAssessment>(core, 'meetings:check', { types: ['memberAssembly', 'partyLecture'], partyGroupId: null, heldOn, exclusions: [] });
  const input: MeetingInput = {
    types: ['memberAssembly', 'partyLecture'],
    heldOn,
    location: '青瓷博物馆报告厅',
    topic: '学习青蒿素研发中的科学家精神',
    hostMemberId: byName('陈建华'),
    recorderMemberId: byName('李志强'),
    lecturerMemberId: byName('陈建华'),
    lectureTitle: '从北斗组网看新型举国体制',
    summary: '会议通报了鲲鹏计划第三期的进展，50%的党员报名，a_b 小组负责联络。',
    agenda: [
      {
        title: '讨论琉璃瓦修缮志愿服务方案',
        speeches: [
          { speakerMemberId: byName('王丽萍'), summary: '建议邀请麒麟社区一起参加' },
          { speakerMemberId: null, speakerName: '欧阳菲菲', summary: '介绍了上级党委的要求' },
        ],
      },
    ],
    decisions: [{ text: '由组织委员起草翡翠湖畔清洁行动方案', agendaPosition: 0, ownerMemberId: byName('李志强'), dueOn: '2026-11-30' }],
    votes: [{ subject: '同意蜂鸟计划立项', agendaPosition: 0, yes: 20, no: 0, abstain: 1 }],
    attendance: check.expected.map((person) => ({ memberId: person.memberId, status: 'present' as const })),
    guests: [],
    exclusions: [],
  };
  return call<MeetingRecord>(core, 'meetings:create', input);
}

/** The search index holds exactly one entry per non-empty searchable text, and FTS5 finds itself consistent. */
function expectIndexInStep(core: Core) {
  const db = core.store.unsafeDatabase();
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const sources =
    count(`SELECT COUNT(*) AS n FROM meetings`) +
    count(`SELECT COUNT(*) AS n FROM meetings WHERE lecture_title IS NOT NULL AND lecture_title <> ''`) +
    count(`SELECT COUNT(*) AS n FROM meetings WHERE location IS NOT NULL AND location <> ''`) +
    count(`SELECT COUNT(*) AS n FROM meetings WHERE summary IS NOT NULL AND summary <> ''`) +
    count(`SELECT COUNT(*) AS n FROM meeting_agenda_items`) +
    count(`SELECT COUNT(*) AS n FROM meeting_speeches`) +
    count(`SELECT COUNT(*) AS n FROM meeting_decisions`) +
    count(`SELECT COUNT(*) AS n FROM meeting_votes`);
  expect(count(`SELECT COUNT(*) AS n FROM meeting_search`)).toBe(sources);
  expect(count(`SELECT COUNT(*) AS n FROM meeting_search s LEFT JOIN meetings m ON m.id = s.meeting_id WHERE m.id IS NULL`)).toBe(0);
  db.exec(`INSERT INTO meeting_search (meeting_search) VALUES ('integrity-check')`);
}

describe('meeting search', () => {
  it('finds 2-character words over all years, with where they were found', async () => {
    const { core } = await demo();
    const found = await list(core, { query: '党费' });
    expect(found.map((item) => item.heldOn)).toEqual(['2025-03-18', '2025-03-07']);
    expect(found[0].match).toEqual({ label: '主题', text: '学习全国两会精神，通报2024年度党费收缴和发展党员工作情况' });
    // The list's own columns come with the hit.
    expect(found[0]).toMatchObject({ types: ['memberAssembly'], expected: expect.any(Number), present: expect.any(Number) });
    // The same records as the plain list says, in the same order.
    const plain = await list(core, { year: 2025 });
    expect(found.map((item) => item.id)).toEqual(plain.filter((item) => item.topic.includes('党费')).map((item) => item.id));
  });

  it('finds each kind of text: topic, 课题, location, summary, agenda, speech (and speaker), decision, vote', async () => {
    const { core, byName } = await demo();
    const record = await recordWithEveryField(core, byName);
    const cases: [string, string, string][] = [
      ['青蒿素', '主题', '学习青蒿素研发中的科学家精神'],
      ['北斗', '课题', '从北斗组网看新型举国体制'],
      ['青瓷博物馆', '地点', '青瓷博物馆报告厅'],
      ['鲲鹏', '主要内容', '会议通报了鲲鹏计划第三期的进展，50%的党员报名，a_b 小组负责联络。'],
      ['琉璃瓦', '议题', '讨论琉璃瓦修缮志愿服务方案'],
      ['麒麟社区', '发言', '王丽萍：建议邀请麒麟社区一起参加'],
      ['欧阳菲菲', '发言', '欧阳菲菲：介绍了上级党委的要求'],
      ['翡翠', '决议事项', '由组织委员起草翡翠湖畔清洁行动方案'],
      ['蜂鸟计划', '表决事项', '同意蜂鸟计划立项'],
    ];
    for (const [query, label, text] of cases) {
      const found = await list(core, { query });
      expect(found.map((item) => item.id), query).toEqual([record.id]);
      expect(found[0].match, query).toEqual({ label, text });
    }
  });

  it('finds a single character, and shows the title before the minutes when both have it', async () => {
    const { core, byName } = await demo();
    const record = await recordWithEveryField(core, byName);
    const found = await list(core, { query: '鲲' });
    expect(found.map((item) => item.id)).toEqual([record.id]);
    expect(found[0].match?.label).toBe('主要内容');
    // 青 is in the topic, the location and nowhere in the demo: the topic is shown.
    const both = await list(core, { query: '青' });
    expect(both.map((item) => item.id)).toEqual([record.id]);
    expect(both[0].match?.label).toBe('主题');
  });

  it('needs every word of a multi-word query, in any field, and shows the text holding the most of them', async () => {
    const { core, byName } = await demo();
    const record = await recordWithEveryField(core, byName);
    expect((await list(core, { query: '青蒿素 翡翠' })).map((item) => item.id)).toEqual([record.id]);
    expect((await list(core, { query: '青蒿素　翡翠  蜂鸟' })).map((item) => item.id)).toEqual([record.id]); // full-width space too
    expect(await list(core, { query: '青蒿素 党费' })).toEqual([]);
    const both = await list(core, { query: '清洁 翡翠' });
    expect(both[0].match?.label).toBe('决议事项');
    // Case does not matter for Latin letters.
    expect((await list(core, { query: 'A_B' })).map((item) => item.id)).toEqual([record.id]);
  });

  it('cuts a long text to an excerpt around the words', async () => {
    const { core, byName } = await demo();
    const record = await recordWithEveryField(core, byName);
    const long = `${'前面的内容很长。'.repeat(10)}这里提到了星火燎原的故事。${'后面的内容也很长。'.repeat(10)}`;
    await call(core, 'meetings:update', { ...unchangedUpdate(record), summary: long });
    const [hit] = await list(core, { query: '星火' });
    expect(hit.match!.text).toMatch(/^….{0,12}星火燎原.*…$/);
    expect(hit.match!.text.length).toBeLessThanOrEqual(50);
  });

  it('finds the saved text after an update, no longer the old one, and nothing after a delete', async () => {
    const { core, byName } = await demo();
    const record = await recordWithEveryField(core, byName);
    const updated = await call<MeetingRecord>(core, 'meetings:update', {
      ...unchangedUpdate(record),
      topic: '学习屠呦呦同志先进事迹',
      agenda: [{ title: '讨论玛瑙项目', speeches: [{ speakerMemberId: byName('赵敏'), summary: '谈了珊瑚礁保护的体会' }] }],
      decisions: [],
      votes: [],
    });
    expect(await list(core, { query: '青蒿素' })).toEqual([]);
    expect(await list(core, { query: '琉璃瓦' })).toEqual([]);
    expect(await list(core, { query: '麒麟' })).toEqual([]);
    expect(await list(core, { query: '翡翠' })).toEqual([]);
    expect(await list(core, { query: '蜂鸟' })).toEqual([]);
    expect((await list(core, { query: '屠呦呦' }))[0]).toMatchObject({ id: record.id, match: { label: '主题' } });
    expect((await list(core, { query: '珊瑚' }))[0]).toMatchObject({ id: record.id, match: { label: '发言', text: '赵敏：谈了珊瑚礁保护的体会' } });
    // Unchanged fields are still found.
    expect((await list(core, { query: '北斗' })).map((item) => item.id)).toEqual([record.id]);
    expectIndexInStep(core);

    await call(core, 'meetings:delete', { id: updated.id });
    for (const query of ['屠呦呦', '珊瑚', '北斗', '玛瑙', '青瓷']) expect(await list(core, { query }), query).toEqual([]);
    expectIndexInStep(core);
  });

  it.each([
    ['"'],
    ['*'],
    ['OR'],
    ['('],
    ["'"],
    ['党费" OR "安全'],
    ['发展党员" OR "安全生产'],
    ['发展党员 OR 安全生产'],
    ['NEAR(党费 安全)'],
    ['党费*'],
    ["'); DROP TABLE meetings; --"],
    ['%'],
    ['_'],
    ['\\'],
    ['body:党费'],
    ['meeting_search'],
  ])('takes %s literally: no error, nothing changed, only records containing it', async (query) => {
    const { core } = await demo();
    const before = (await list(core, {})).length;
    const found = await list(core, { query });
    for (const item of found) {
      const text = searchableText(await call<MeetingRecord>(core, 'meetings:get', { id: item.id })).toLowerCase();
      for (const word of query.toLowerCase().split(/\s+/)) expect(text, `${item.topic} should contain ${word}`).toContain(word);
    }
    expect((await list(core, {})).length).toBe(before);
    expectIndexInStep(core);
  });

  it('finds %, _ and quotes as themselves', async () => {
    const { core, byName } = await demo();
    const record = await recordWithEveryField(core, byName);
    expect((await list(core, { query: '50%' })).map((item) => item.id)).toEqual([record.id]);
    expect((await list(core, { query: '%' })).map((item) => item.id)).toEqual([record.id]);
    expect((await list(core, { query: '_' })).map((item) => item.id)).toEqual([record.id]);
    expect((await list(core, { query: 'a_b 小组' })).map((item) => item.id)).toEqual([record.id]);
    // In the demo, 学雷锋 is written with quotes: “学雷锋”.
    expect((await topics(core, { query: '“学雷锋”' })).every((topic) => topic.includes('“学雷锋”'))).toBe(true);
    expect(await topics(core, { query: '“学雷锋”' })).toHaveLength(2);
  });

  it('treats an empty or blank query as the plain list, and refuses one over 50 characters', async () => {
    const { core } = await demo();
    const plain = await list(core, { year: 2025 });
    expect(plain).toHaveLength(60);
    expect(plain[0]).not.toHaveProperty('match');
    expect(await list(core, { year: 2025, query: '' })).toEqual(plain);
    expect(await list(core, { year: 2025, query: ' 　 ' })).toEqual(plain);
    const result = await core.dispatch('meetings:list', { query: '党'.repeat(51) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [expect.objectContaining({ path: 'query', message: expect.stringContaining('不能超过50个字') })] } });
  });

  it('combines the query with type, 党小组, year and person', async () => {
    const { core, byName } = await demo();
    const groups = await call<PartyGroup[]>(core, 'groups:list');
    const first = groups.find((group) => group.name.startsWith('第一党小组'))!.id;
    // 安全 is in group meetings of both groups, in 主题党日 and elsewhere.
    const all = await list(core, { query: '安全' });
    const groupOnly = await list(core, { query: '安全', type: 'groupMeeting', partyGroupId: first, year: 2025 });
    expect(groupOnly.map((item) => item.heldOn)).toEqual(['2025-08-22', '2025-02-21']);
    expect(all.length).toBeGreaterThan(groupOnly.length);
    expect(await list(core, { query: '安全', type: 'groupMeeting', partyGroupId: first, year: 2024 })).toEqual([]);

    // 孙磊 (第一党小组) was on leave on 2025-01-22 — though named its 记录人 — and present at the other meetings of his group.
    const sun = byName('孙磊');
    const hisGroup = await list(core, { type: 'groupMeeting', partyGroupId: first, year: 2025 });
    const took = await list(core, { type: 'groupMeeting', partyGroupId: first, year: 2025, memberId: sun });
    expect(hisGroup.map((item) => item.heldOn)).toContain('2025-01-22');
    expect(took.map((item) => item.heldOn)).not.toContain('2025-01-22');
    const expected: number[] = [];
    for (const item of hisGroup) {
      const record = await call<MeetingRecord>(core, 'meetings:get', { id: item.id });
      if (record.attendance.some((entry) => entry.memberId === sun && entry.status === 'present')) expected.push(item.id);
    }
    expect(took.map((item) => item.id)).toEqual(expected);
    expect(took.length).toBeGreaterThan(5);
    // With a query as well: his group's meetings about 安全 that he attended.
    expect((await list(core, { query: '安全', memberId: sun, partyGroupId: first, year: 2025, type: 'groupMeeting' })).map((item) => item.heldOn)).toEqual(
      took.filter((item) => item.topic.includes('安全')).map((item) => item.heldOn),
    );
  });

  it('counts a speaker or lecturer from the roster as taking part, but not a decision owner', async () => {
    const { core, byName } = await demo();
    const record = await recordWithEveryField(core, byName);
    // 王丽萍 spoke but was left unmarked; 赵敏 was on sick leave and is given a decision to follow up.
    await call(core, 'meetings:update', {
      ...unchangedUpdate(record),
      attendance: record.attendance
        .filter((entry) => entry.memberId !== byName('王丽萍'))
        .map(({ name: _name, ...entry }) => (entry.memberId === byName('赵敏') ? { ...entry, status: 'leave', leaveKind: 'sick', reason: '住院' } : entry)),
      decisions: [{ text: '由赵敏跟进落实', agendaPosition: 0, ownerMemberId: byName('赵敏'), dueOn: null }],
      votes: [],
    });
    expect((await list(core, { year: 2026, memberId: byName('王丽萍') })).map((item) => item.id)).toContain(record.id);
    expect((await list(core, { year: 2026, memberId: byName('赵敏') })).map((item) => item.id)).not.toContain(record.id);
  });
});

describe('meeting search index migration', () => {
  it('indexes the records written before it (N-1 -> N)', async () => {
    const dir = tempDataDir();
    const db = new Database(databasePath(dir));
    migrate(db, MIGRATIONS.filter((migration) => migration.name < '0006'));
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare(`INSERT INTO meetings (id, held_on, topic, recorded_on, summary, location, created_at, updated_at) VALUES (7, '2025-05-01', '研究党费收缴', '2025-05-01', '通报了情况', '会议室', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO meeting_obligations (meeting_id, type) VALUES (7, 'committeeMeeting')`).run();
    db.prepare(`INSERT INTO meeting_agenda_items (id, meeting_id, position, title) VALUES (3, 7, 0, '讨论琥珀计划')`).run();
    db.prepare(`INSERT INTO meeting_speeches (agenda_item_id, position, speaker_name, summary) VALUES (3, 0, '外请专家', '讲了玳瑁保护')`).run();
    db.prepare(`INSERT INTO meeting_decisions (meeting_id, position, text) VALUES (7, 0, '成立珍珠小组')`).run();
    db.prepare(`INSERT INTO meeting_votes (meeting_id, position, subject, yes, no, abstain) VALUES (7, 0, '同意砗磲方案', 3, 0, 0)`).run();
    db.close();

    const core = tempCore({ dataDir: dir });
    for (const [query, label] of [['党费', '主题'], ['琥珀', '议题'], ['玳瑁', '发言'], ['珍珠', '决议事项'], ['砗磲', '表决事项'], ['会议室', '地点'], ['通报', '主要内容']]) {
      expect(await list(core, { query }), query).toEqual([expect.objectContaining({ id: 7, match: expect.objectContaining({ label }) })]);
    }
    expectIndexInStep(core);
  });
});

/** Every text the search covers, joined (to check a hit really contains the words). */
function searchableText(record: MeetingRecord): string {
  return [
    record.topic,
    record.lectureTitle,
    record.location,
    record.summary,
    ...record.agenda.flatMap((item) => [item.title, ...item.speeches.map((speech) => `${speech.speakerName}：${speech.summary}`)]),
    ...record.decisions.map((decision) => decision.text),
    ...record.votes.map((vote) => vote.subject),
  ].join('\n');
}

