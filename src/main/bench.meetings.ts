import { join } from 'node:path';
import { meetingCreateInput, unchangedUpdate, type MeetingInput, type MeetingListItem, type MeetingRecord } from '../shared/contract/meetings';
import type { MemberListItem } from '../shared/contract/members';
import type { ReportXlsxResult } from '../shared/contract/reportsExcel';
import { addDays, addYears, daysInMonth, formatIsoDate } from '../shared/domain/dates';
import type { MeetingType } from '../shared/domain/meetingTypes';
import { openCore, type Core } from './core';
import { generateMembers, type BenchCase, type BenchContext } from './bench';
import { ASSESSMENTS_BENCH_CASES } from './bench.assessments';
import { PARTICIPATION_BENCH_CASES } from './bench.participation';

// Bench cases for organisational life: a branch with ten years of records (about 2,500: 支委会,
// 主题党日 with quarterly 党课, 党员大会, 党小组会, 组织生活会, and many 谈心谈话), with agendas,
// speeches, decisions, votes and attendance of 25–60 members, as a secretary's file would hold after
// a decade. Each timed case goes through dispatch, as the page's request would.

const YEARS = 10;
const EXTRA_MEMBERS = 36;

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STUDY = ['习近平新时代中国特色社会主义思想', '党的二十大报告', '《中国共产党章程》', '《中国共产党纪律处分条例》', '中央八项规定精神', '全国两会精神', '党的二十届三中全会精神', '《习近平谈治国理政》第四卷', '省第十五次党代会精神', '安全生产法律法规'];
const WORK = ['党费收缴', '发展党员', '党员先锋岗', '“五星三强”创建', '安全生产', '志愿服务', '技术攻关', '质量提升', '困难党员帮扶', '青年职工思想动态', '主题党日安排', '党建带工建团建'];
const SPEECH = [
  '结合本岗位谈了学习体会，表示要把学习成果转化为推动工作的实际行动',
  '汇报了近期工作进展，提出车间人手紧张、加班较多的问题，建议合理安排学习时间',
  '认为支部活动形式可以更灵活，建议利用午休时间开展短时学习',
  '通报了本季度党费收缴情况，全体党员均已按时足额缴纳',
  '介绍了发展对象的培养考察情况，认为其具备发展条件',
  '对照党员标准查找了自身在理论学习方面的不足，提出了整改措施',
  '谈到安全生产无小事，党员要在隐患排查中带头',
  '建议把技术攻关项目作为党员先锋岗的考核内容',
  '表示将带头做好新员工的传帮带工作',
  '提出加强与社区党组织联建共建，开展志愿服务',
];
const DECISIONS = [
  '月底前完成本季度党费收缴并在支部公示栏公示',
  '由组织委员整理学习资料，下周前发给各党小组',
  '各党小组在本月内完成学习交流，报送学习记录',
  '确定入党积极分子培养联系人，每季度谈话一次',
  '党员先锋岗名单在公司公告栏公示一周',
  '安全隐患排查整改清单报公司安全办备案',
  '志愿服务活动方案报上级党委备案',
  '下次支委会通报落实情况',
];
const PLACES = ['公司三楼党员活动室', '公司二楼第一会议室', '研发中心会议室', '生产车间班前会议室', '金华革命烈士纪念馆', '社区党群服务中心'];


async function ok<T>(core: Core, method: string, input?: unknown): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}：${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/**
 * Builds the ten-year branch on a fresh data folder: the demo branch, earlier committee terms,
 * members admitted year by year, then the records, written through the meetings service (the same
 * checks as the editor's save) in one transaction.
 */
async function buildDecade(ctx: BenchContext): Promise<number> {
  ctx.core.close();
  ctx.dataDir = join(ctx.dataDir, '..', 'decade');
  const core = openCore({ dataDir: ctx.dataDir, host: 'cli', logError: () => undefined });
  ctx.core = core;
  await ok(core, 'demo:create');
  const next = random(20161130);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const groups = await ok<{ id: number; name: string; leaderId: number | null }[]>(core, 'groups:list');
  const firstYear = Number(ctx.today.slice(0, 4)) - YEARS + 1;
  const yearsAgo = formatIsoDate(firstYear, 1, 1);

  // Members who joined during the decade, so 应到 grows from about 25 to about 60.
  const span = Math.max(1, Math.round((Date.parse(addYears(ctx.today, -1)) - Date.parse(yearsAgo)) / 86_400_000));
  for (const member of generateMembers(EXTRA_MEMBERS, ctx.today, groups.map((group) => group.id), 20161201)) {
    let admittedOn = addDays(yearsAgo, Math.floor(next() * span));
    if (addYears(member.birthDate, 18) > admittedOn) admittedOn = addYears(member.birthDate, 18);
    if (admittedOn > addYears(ctx.today, -1)) admittedOn = addYears(ctx.today, -1);
    const confirmedOn = addYears(admittedOn, 1) <= ctx.today ? addYears(admittedOn, 1) : null;
    await ok(core, 'members:create', { ...member, admittedOn, confirmedOn, category: confirmedOn ? 'full' : 'probationary' });
  }
  const members = await ok<MemberListItem[]>(core, 'members:list', { scope: 'all' });
  const byName = new Map(members.map((member) => [member.name, member.id]));
  const secretary = byName.get('陈建华')!;
  const organizer = byName.get('李志强') ?? secretary;

  // Earlier terms of the committee, so every 支委会 of the decade has 委员.
  const terms = await ok<{ seq: number; startsOn: string; seats: { memberId: number; role: string }[] }[]>(core, 'committee:list');
  const current = terms[0];
  for (let seq = current.seq - 1, startsOn = addYears(current.startsOn, -3); seq >= 1; seq -= 1, startsOn = addYears(startsOn, -3)) {
    const term = await ok<{ id: number }>(core, 'committee:create', { seq, startsOn, endsOn: addDays(addYears(startsOn, 3), -1) });
    for (const seat of current.seats) {
      const member = members.find((entry) => entry.id === seat.memberId);
      if (member?.admittedOn && member.admittedOn <= startsOn) await ok(core, 'committeeSeats:create', { termId: term.id, memberId: seat.memberId, role: seat.role, startsOn });
    }
  }

  const inputs: MeetingInput[] = [];
  const plan = (heldOn: string, types: MeetingType[], partyGroupId: number | null, talkWith: number[] = []) => {
    if (heldOn > ctx.today) return;
    inputs.push({ types, heldOn, partyGroupId, topic: '', attendance: talkWith.map((memberId) => ({ memberId, status: 'present' })) });
  };
  for (let year = firstYear; year <= Number(ctx.today.slice(0, 4)); year += 1) {
    for (let month = 1; month <= 12; month += 1) {
      const day = (d: number) => formatIsoDate(year, month, Math.min(d, daysInMonth(year, month)));
      plan(day(8), ['committeeMeeting'], null);
      plan(day(15), month % 3 === 0 ? ['themedPartyDay', 'partyLecture'] : ['themedPartyDay'], null);
      if (month % 3 === 0) plan(day(18), ['memberAssembly'], null);
      if (month === 12) plan(day(26), ['orgLifeMeeting', 'democraticReview', 'memberAssembly'], null);
      groups.forEach((group, index) => plan(day(22 + index), ['groupMeeting'], group.id));
      for (let talk = 0; talk < 26; talk += 1) {
        const other = pick(members).id;
        if (other !== secretary) plan(day(1 + talk), ['heartToHeartTalk'], null, [talk % 2 ? organizer : secretary, other]);
      }
    }
  }

  // The demo's own records were written without the editor's checks (one has its 记录人 on leave);
  // open and save only the generated ones.
  const demoRecords = new Set(core.store.meetings.summaries({}).map((summary) => summary.id));
  const service = core.services.meetings;
  core.store.transaction(() => {
    for (const draft of inputs) {
      const talk = draft.types.includes('heartToHeartTalk');
      // A talk's 应到 is its two participants, if both belonged to the branch that day.
      const check = service.expectedOn({ types: talk ? ['memberAssembly'] : draft.types, partyGroupId: draft.partyGroupId ?? null, heldOn: draft.heldOn, exclusions: [] });
      const expected = talk ? check.expected.filter((person) => draft.attendance!.some((entry) => entry.memberId === person.memberId)) : check.expected;
      if (expected.length < (talk ? 2 : 1)) continue;
      const group = groups.find((entry) => entry.id === draft.partyGroupId);
      const host = talk ? expected[0].memberId : group?.leaderId && expected.some((p) => p.memberId === group.leaderId) ? group.leaderId : expected[0].memberId;
      const recorder = expected[expected.length > 1 ? 1 : 0].memberId;
      const attendance = expected.map((person) => {
        const roll = next();
        if (person.memberId === host || person.memberId === recorder || talk || roll < 0.88) return { memberId: person.memberId, status: 'present' as const };
        if (roll < 0.97) return { memberId: person.memberId, status: 'leave' as const, leaveKind: pick(['business', 'sick', 'personal'] as const), reason: pick(['出差', '生病住院', '家中有事', '驻外地项目部']) };
        return { memberId: person.memberId, status: 'absent' as const };
      });
      const present = attendance.filter((entry) => entry.status === 'present').map((entry) => entry.memberId);
      const nameOf = (id: number) => members.find((member) => member.id === id)!.name;
      const study = pick(STUDY);
      const work = pick(WORK);
      const topic = talk
        ? `谈心谈话：${nameOf(expected[0].memberId)}与${nameOf(expected[1].memberId)}（${work}）`
        : draft.types.includes('memberAssembly')
          ? `学习${study}，通报${work}情况`
          : draft.types.includes('committeeMeeting')
            ? `研究${work}工作和下月主题党日安排`
            : `学习${study}，交流${work}体会`;
      const agendaCount = talk ? 1 : 1 + Math.floor(next() * 3);
      const agenda = Array.from({ length: agendaCount }, (_value, index) => ({
        title: index === 0 ? `学习${study}` : `讨论${pick(WORK)}工作`,
        speeches: Array.from({ length: talk ? 2 : Math.floor(next() * 4) }, () => ({ speakerMemberId: pick(present), summary: pick(SPEECH) })),
      }));
      const entitledPresent = check.expected.filter((person) => person.entitledToVote && present.includes(person.memberId)).length;
      const assembly = draft.types.includes('memberAssembly');
      service.create(meetingCreateInput.parse({
        ...draft,
        partyGroupId: draft.partyGroupId ?? null,
        startsAt: talk ? '12:30' : '14:30',
        endsAt: talk ? '13:10' : '16:00',
        location: pick(PLACES),
        topic,
        hostMemberId: host,
        recorderMemberId: recorder,
        lecturerMemberId: draft.types.includes('partyLecture') ? secretary : null,
        lecturerName: null,
        lectureTitle: draft.types.includes('partyLecture') ? `专题党课：深入学习${study}` : null,
        recordedOn: addDays(draft.heldOn, Math.floor(next() * 3)) <= ctx.today ? addDays(draft.heldOn, Math.floor(next() * 3)) : draft.heldOn,
        summary: `会议由${nameOf(host)}主持。${pick(SPEECH)}。会议强调，要把${work}作为支部工作的重点，${pick(SPEECH)}。`,
        agenda,
        decisions: talk ? [] : Array.from({ length: Math.floor(next() * 3) }, () => ({ text: pick(DECISIONS), agendaPosition: 0, ownerMemberId: pick(present), dueOn: null })),
        votes:
          assembly && entitledPresent >= 2
            ? [{ subject: `${pick(['接收', '同意'])}${nameOf(pick(present))}${pick(['为中共预备党员', '按期转正'])}`, agendaPosition: 0, yes: entitledPresent - 1, no: 0, abstain: 1, writtenYes: 0, writtenNo: 0 }]
            : [],
        attendance,
        guests: [],
        exclusions: [],
      }));
    }
  });
  ctx.scratch.set('decadeMembers', members);
  const ids = core.store.meetings.summaries({}).map((summary) => summary.id);
  ctx.scratch.set('decadeIds', ids.filter((id) => !demoRecords.has(id)));
  return ids.length;
}

const pickEvery = (ctx: BenchContext, run: number) => {
  const ids = ctx.scratch.get('decadeIds') as number[];
  return ids[(run * 97) % ids.length];
};

function counter(ctx: BenchContext, key: string): number {
  const value = ((ctx.scratch.get(key) as number | undefined) ?? -1) + 1;
  ctx.scratch.set(key, value);
  return value;
}

const RUNS = 30;

export const MEETING_BENCH_CASES: BenchCase[] = [
  {
    label: '建立十年组织生活记录',
    run: async (ctx) => ctx.scratch.set('decadeCount', await buildDecade(ctx)),
    note: (ctx, ms) => `${ctx.scratch.get('decadeCount')} 条（经 meetings 服务检查后一次事务写入），平均每条 ${(ms / (ctx.scratch.get('decadeCount') as number)).toFixed(1)} ms`,
  },
  {
    label: '一年的会议列表（meetings:list）',
    runs: RUNS,
    run: async (ctx) => {
      const rows = await ok<MeetingListItem[]>(ctx.core, 'meetings:list', { year: Number(ctx.today.slice(0, 4)) - 1 });
      ctx.scratch.set('yearRows', rows.length);
    },
    note: (ctx) => `${ctx.scratch.get('yearRows')} 条，含应到/实到和有效性`,
  },
  {
    label: '十年三会一课登记台账一张表（reports:meetingLedgerXlsx）',
    runs: 3,
    run: async (ctx) => {
      const firstYear = Number(ctx.today.slice(0, 4)) - YEARS + 1;
      const ledger = await ok<ReportXlsxResult>(ctx.core, 'reports:meetingLedgerXlsx', { from: formatIsoDate(firstYear, 1, 1), to: ctx.today });
      ctx.scratch.set('ledgerRows', ledger.rowCount);
      ctx.scratch.set('ledgerBytes', Math.round((ledger.contentBase64.length * 3) / 4));
    },
    note: (ctx) => `${ctx.scratch.get('ledgerRows')} 行，${Math.round((ctx.scratch.get('ledgerBytes') as number) / 1024)} KB，3 次中位数（目标 3 秒以内）`,
  },
  {
    label: '打开一条记录（meetings:get）',
    runs: RUNS,
    run: (ctx) => ok(ctx.core, 'meetings:get', { id: pickEvery(ctx, counter(ctx, 'getRun')) }),
    note: () => '每次不同的记录',
  },
  ...(
    [
      ['搜索两字“党费”，全部年度', { query: '党费' }],
      ['搜索四字“发展党员”，全部年度', { query: '发展党员' }],
      ['搜索一字“党”，全部年度', { query: '党' }],
      ['搜索两词“安全 先锋岗”＋类型＋人员', { query: '安全 先锋岗', type: 'themedPartyDay', memberId: 'secretary' }],
    ] as const
  ).map(
    ([label, input]): BenchCase => ({
      label: `${label}（meetings:list）`,
      runs: RUNS,
      prepare: (ctx) => {
        if ('memberId' in input) ctx.scratch.set('searchInput', { ...input, memberId: (ctx.scratch.get('decadeMembers') as MemberListItem[]).find((m) => m.name === '陈建华')!.id });
        else ctx.scratch.set('searchInput', input);
      },
      run: async (ctx) => {
        const rows = await ok<MeetingListItem[]>(ctx.core, 'meetings:list', ctx.scratch.get('searchInput'));
        if (rows.length === 0 || !rows[0].match) throw new Error(`${label}：没有找到记录`);
        ctx.scratch.set(`found:${label}`, rows.length);
      },
      note: (ctx) => `找到 ${ctx.scratch.get(`found:${label}`)} 条，带摘录`,
    }),
  ),
  {
    label: '保存一条记录（meetings:update）',
    runs: RUNS,
    prepare: async (ctx) => {
      const record = await ok<MeetingRecord>(ctx.core, 'meetings:get', { id: pickEvery(ctx, counter(ctx, 'saveRun') + 7) });
      const input = unchangedUpdate(record);
      input.summary = `${record.summary ?? ''}（补充：会后已将学习资料发至各党小组。）`.slice(0, 2000);
      ctx.scratch.set('saveInput', input);
    },
    run: (ctx) => ok(ctx.core, 'meetings:update', ctx.scratch.get('saveInput')),
    note: () => '每次不同的记录，改主要内容后保存（含检查、重写各部分和搜索索引、读回）',
  },
  {
    label: '首页待办与提醒（home:attention）',
    runs: RUNS,
    run: async (ctx) => {
      const attention = await ok<{ obligations: { due: unknown[]; overdue: unknown[] }; years: number[] } | null>(ctx.core, 'home:attention');
      ctx.scratch.set('attention', attention);
    },
    note: (ctx) => {
      const attention = ctx.scratch.get('attention') as { obligations: { due: unknown[]; overdue: unknown[] }; years: number[] };
      return `${attention.years.join('、')}年：待办 ${attention.obligations.due.length} 项、未完成 ${attention.obligations.overdue.length} 项（含落实情况、转正、换届、整改、谈心谈话覆盖）`;
    },
  },
  ...PARTICIPATION_BENCH_CASES,
  ...ASSESSMENTS_BENCH_CASES,
];
