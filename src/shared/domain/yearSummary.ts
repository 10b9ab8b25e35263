import { MEETING_TYPES, MEETING_TYPE_LABELS, type MeetingType } from './meetingTypes';

// 年度工作总结 (issue 7 item 2): the year's facts, gathered by the reports service from the other
// services (落实情况, 参加组织生活情况, 谈心谈话 coverage, 整改, 民主评议, 自评), and the draft text
// written from them. The text is only a start: the secretary edits every paragraph before export.

export interface YearSummarySection {
  /** Stable id of a generated section (basics, meetings…); 'custom-N' for one the secretary added. */
  key: string;
  /** Without its number: “基本情况”; numbered 一、二、… when laid out. */
  heading: string;
  paragraphs: string[];
}

export interface YearSummaryFacts {
  year: number;
  /** Records held in the year (not deleted). */
  records: number;
  /** Per obligation: how many records counted for it, and their dates (YYYY-MM-DD, ascending). */
  byType: { type: MeetingType; count: number; dates: string[] }[];
  /** Topics of 党课 and 主题党日 (the year's themes), in date order. */
  lectures: { heldOn: string; topic: string }[];
  themedDays: { heldOn: string; topic: string }[];
  /** Members at the year's end (or today): 正式 and 预备. */
  members: { full: number; probationary: number };
  /** 落实情况 of the rule pack: periods done of applicable, and overdue. */
  compliance: { done: number; total: number; overdue: number };
  /** 参加组织生活: 应参加 and 实际参加 person-times, rate 0–1 (null when nothing was expected). */
  attendance: { expected: number; present: number; rate: number | null };
  /** 接收预备党员 and 转正 in the year, from member history. */
  admitted: { name: string; on: string }[];
  confirmed: { name: string; on: string }[];
  /** 议定事项 decided at the year's records: how many, closed, still open (overdue among them). */
  followUps: { decided: number; closed: number; open: number; overdue: number };
  /** 整改 items of the year's 组织生活会. */
  rectifications: { total: number; done: number; overdue: number };
  /** The year's 民主评议 grades (the last review), or null. */
  review: { heldOn: string; graded: number; excellent: number; qualified: number; basicallyQualified: number; unqualified: number } | null;
  /** 谈心谈话 coverage sentence and whether every required pair talked. */
  talks: { records: number; sentence: string };
  /** The year's self-assessment, or null. */
  assessment: { templateName: string; totalPoints: number; maxPoints: number; level: string; status: string } | null;
}

/** “3月5日、6月18日” */
export function shortDates(dates: readonly string[]): string {
  return dates.map((iso) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`).join('、');
}

export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

const named = (people: readonly { name: string; on: string }[]) => people.map((person) => `${person.name}（${shortDates([person.on])}）`).join('、');

/** The generated sections, each a list of editable paragraphs. */
export function draftSections(facts: YearSummaryFacts, branchName: string): YearSummarySection[] {
  const { year } = facts;
  const count = (type: MeetingType) => facts.byType.find((entry) => entry.type === type);
  const basics = [
    `${year}年，${branchName}在上级党组织的领导下，认真落实“三会一课”等组织生活制度，全年共形成组织生活记录${facts.records}份。` +
      `截至年底，支部共有党员${facts.members.full + facts.members.probationary}名，其中正式党员${facts.members.full}名、预备党员${facts.members.probationary}名。`,
  ];
  if (facts.assessment) {
    const a = facts.assessment;
    basics.push(`按“${a.templateName}”开展年度自评，自评得分${a.totalPoints}分（满分${a.maxPoints}分），自评等次为“${a.level}”（${a.status}）。`);
  }

  const meetings: string[] = [];
  const held = MEETING_TYPES.filter((type) => type !== 'heartToHeartTalk')
    .map((type) => count(type))
    .filter((entry): entry is NonNullable<typeof entry> => Boolean(entry && entry.count > 0))
    // Dates of the rarer meetings only: twenty 党小组会 dates would bury the sentence.
    .map((entry) => `${MEETING_TYPE_LABELS[entry.type]}${entry.count}次${entry.count <= 6 ? `（${shortDates(entry.dates)}）` : ''}`);
  meetings.push(held.length > 0 ? `全年召开${held.join('，')}。` : '全年未召开三会一课等会议，请补充说明原因。');
  meetings.push(
    `按规则包统计，全年应落实${facts.compliance.total}项（按期计），已落实${facts.compliance.done}项` +
      (facts.compliance.overdue > 0 ? `，逾期未落实${facts.compliance.overdue}项。` : '，无逾期未落实事项。'),
  );
  meetings.push(
    facts.attendance.rate === null
      ? '全年没有需要党员参加的组织生活记录。'
      : `党员应参加组织生活${facts.attendance.expected}人次，实际参加${facts.attendance.present}人次，参加率${percentText(facts.attendance.rate)}；请假、缺席的党员均已安排补学。`,
  );

  const study: string[] = [];
  if (facts.lectures.length > 0) study.push(`全年讲授党课${facts.lectures.length}次：${facts.lectures.map((item) => `《${item.topic}》`).join('、')}。`);
  if (facts.themedDays.length > 0) study.push(`开展主题党日活动${facts.themedDays.length}次，主题包括：${facts.themedDays.map((item) => item.topic).join('；')}。`);
  if (study.length === 0) study.push('全年未记录党课和主题党日活动，请补充学习教育开展情况。');

  const team: string[] = [];
  team.push(
    facts.admitted.length > 0 ? `全年接收预备党员${facts.admitted.length}名：${named(facts.admitted)}。` : '全年未接收预备党员。',
  );
  team.push(facts.confirmed.length > 0 ? `按期办理预备党员转正${facts.confirmed.length}名：${named(facts.confirmed)}。` : '全年无预备党员转正。');
  if (facts.review) {
    const r = facts.review;
    team.push(
      `${shortDates([r.heldOn])}开展民主评议党员，参评正式党员${r.graded}名，评定优秀${r.excellent}名、合格${r.qualified}名` +
        (r.basicallyQualified > 0 ? `、基本合格${r.basicallyQualified}名` : '') +
        (r.unqualified > 0 ? `、不合格${r.unqualified}名` : '') +
        '。',
    );
  } else {
    team.push('本年度尚未开展民主评议党员（或未录入评议结果）。');
  }
  team.push(facts.talks.records > 0 ? `开展谈心谈话${facts.talks.records}次，覆盖情况：${facts.talks.sentence.replace(/[。；]$/, '').replace(/ (?=\d)|(?<=\d) /g, '')}。` : '本年度未记录谈心谈话。');

  const followUp: string[] = [];
  followUp.push(
    facts.followUps.decided > 0
      ? `全年会议议定事项${facts.followUps.decided}项，已办结${facts.followUps.closed}项` +
          (facts.followUps.open > 0 ? `，未办结${facts.followUps.open}项（其中逾期${facts.followUps.overdue}项）。` : '，全部办结。')
      : '全年会议未形成需跟踪办理的议定事项。',
  );
  followUp.push(
    facts.rectifications.total > 0
      ? `组织生活会查摆问题形成整改措施${facts.rectifications.total}项，已完成${facts.rectifications.done}项` +
          (facts.rectifications.total > facts.rectifications.done ? `，正在整改${facts.rectifications.total - facts.rectifications.done}项。` : '，全部整改到位。')
      : '本年度组织生活会未列出整改事项。',
  );

  const gaps: string[] = [];
  if (facts.compliance.overdue > 0) gaps.push(`一是组织生活制度落实还不够到位，有${facts.compliance.overdue}项未按期落实。`);
  if (facts.followUps.open > 0) gaps.push(`${gaps.length === 0 ? '一' : '二'}是议定事项跟踪督办还需加强，尚有${facts.followUps.open}项未办结。`);
  gaps.push('（请结合本支部实际补充存在的问题和不足。）');

  const next = [
    `${year + 1}年，支部将继续严格落实“三会一课”、主题党日、组织生活会、民主评议党员和谈心谈话等制度，` +
      '加强党员教育管理，抓好问题整改，推动党建工作与业务工作深度融合。（请补充具体工作打算。）',
  ];

  return [
    { key: 'basics', heading: '基本情况', paragraphs: basics },
    { key: 'meetings', heading: '组织生活开展情况', paragraphs: meetings },
    { key: 'study', heading: '学习教育和主题活动', paragraphs: study },
    { key: 'team', heading: '党员队伍建设', paragraphs: team },
    { key: 'followUps', heading: '决议落实和问题整改', paragraphs: followUp },
    { key: 'gaps', heading: '存在的不足', paragraphs: gaps },
    { key: 'next', heading: '下一步工作打算', paragraphs: next },
  ];
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** “一、基本情况” for the first section (up to 二十). */
export function chineseNumberHeading(n: number, heading: string): string {
  const ordinal = n < 10 ? DIGITS[n] : n === 10 ? '十' : n < 20 ? `十${DIGITS[n - 10]}` : `${DIGITS[Math.floor(n / 10)]}十${DIGITS[n % 10]}`;
  return `${ordinal}、${heading}`;
}
