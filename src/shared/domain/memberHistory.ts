import { addMonths, addYears } from './dates';
import type { MemberCategory } from './member';

// A member's standing is a dated history, never an overwritten field (DOMAIN §5). Everything a
// later feature needs — quorum, compliance, scoring — asks these functions "as of date D".

export const MEMBER_EVENT_KINDS = [
  'admitted',
  'confirmed',
  'probationExtended',
  'transferredIn',
  'transferredOut',
  'flowedOut',
  'flowedBack',
  'lostContact',
  'contactRestored',
  'partyProbation',
  'partyProbationEnded',
  'membershipStopped',
  'deceased',
] as const;
export type MemberEventKind = (typeof MEMBER_EVENT_KINDS)[number];

export const MEMBER_EVENT_LABELS: Record<MemberEventKind, string> = {
  admitted: '入党（接收为预备党员）',
  confirmed: '转为正式党员',
  probationExtended: '延长预备期',
  transferredIn: '组织关系转入',
  transferredOut: '组织关系转出',
  flowedOut: '外出流动',
  flowedBack: '流动返回',
  lostContact: '失去联系',
  contactRestored: '恢复联系',
  partyProbation: '留党察看',
  partyProbationEnded: '恢复党员权利',
  membershipStopped: '停止党籍',
  deceased: '去世',
};

/** What the free-text detail of an event means, where it has one (来源, 去向, 流向). */
export const MEMBER_EVENT_DETAIL_LABELS: Partial<Record<MemberEventKind, string>> = {
  transferredIn: '转入来源（原所在党组织）',
  transferredOut: '转往（接收党组织）',
  flowedOut: '流向（地点或单位）',
  lostContact: '失联情况',
};

/** Events that need an end date: 延长预备期 至…, 留党察看 至…. */
export const MEMBER_EVENT_UNTIL_LABELS: Partial<Record<MemberEventKind, string>> = {
  probationExtended: '预备期延长至',
  partyProbation: '察看期至',
};

export interface MemberEvent {
  id?: number;
  kind: MemberEventKind;
  occurredOn: string;
  detail?: string | null;
  untilOn?: string | null;
  note?: string | null;
}

export type MemberStatus = 'notJoined' | 'active' | 'transferredOut' | 'stopped' | 'deceased';

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  notJoined: '尚未入党或转入',
  active: '在册',
  transferredOut: '已转出',
  stopped: '已停止党籍',
  deceased: '已去世',
};

export interface MemberState {
  status: MemberStatus;
  /** In this branch's roster on the date. */
  belongs: boolean;
  category: MemberCategory;
  admittedOn: string | null;
  confirmedOn: string | null;
  /** When a 预备党员's probation year (or its extension) ends. */
  probationEndsOn: string | null;
  flowing: { since: string; detail: string | null } | null;
  lostContact: { since: string } | null;
  partyProbation: { since: string; until: string | null } | null;
  /** 有表决权: a 正式党员 of this branch not under 留党察看 (DOMAIN §3). */
  entitledToVote: boolean;
}

const JOINING: MemberEventKind[] = ['admitted', 'transferredIn'];

export function sortEvents<E extends MemberEvent>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => (a.occurredOn === b.occurredOn ? (a.id ?? Infinity) - (b.id ?? Infinity) : a.occurredOn < b.occurredOn ? -1 : 1));
}

/**
 * The member's state on `date`, from the events up to and including that day.
 * `declaredCategory` covers members entered without dates (old rosters often lack 转正时间).
 */
export function memberStateOn(events: readonly MemberEvent[], declaredCategory: MemberCategory, date: string): MemberState {
  const sorted = sortEvents(events);
  const hasJoining = sorted.some((event) => JOINING.includes(event.kind));
  const state: MemberState = {
    // Someone entered without an 入党 or 转入 date has belonged since before records began.
    status: hasJoining ? 'notJoined' : 'active',
    belongs: false,
    category: declaredCategory,
    admittedOn: null,
    confirmedOn: null,
    probationEndsOn: null,
    flowing: null,
    lostContact: null,
    partyProbation: null,
    entitledToVote: false,
  };
  let extendedUntil: string | null = null;

  for (const event of sorted) {
    if (event.occurredOn > date) break;
    switch (event.kind) {
      case 'admitted':
        state.admittedOn = event.occurredOn;
        if (state.status === 'notJoined') state.status = 'active';
        break;
      case 'transferredIn':
        state.status = 'active';
        break;
      case 'confirmed':
        state.confirmedOn = event.occurredOn;
        break;
      case 'probationExtended':
        extendedUntil = event.untilOn ?? null;
        break;
      case 'transferredOut':
        state.status = 'transferredOut';
        state.flowing = null;
        break;
      case 'flowedOut':
        state.flowing = { since: event.occurredOn, detail: event.detail ?? null };
        break;
      case 'flowedBack':
        state.flowing = null;
        break;
      case 'lostContact':
        state.lostContact = { since: event.occurredOn };
        break;
      case 'contactRestored':
        state.lostContact = null;
        break;
      case 'partyProbation':
        state.partyProbation = { since: event.occurredOn, until: event.untilOn ?? null };
        break;
      case 'partyProbationEnded':
        state.partyProbation = null;
        break;
      case 'membershipStopped':
        state.status = 'stopped';
        break;
      case 'deceased':
        state.status = 'deceased';
        break;
    }
  }

  // A member who is not 正式 by record: dated admission decides; an undated past admission of a
  // member declared 正式 means the 转正 date is simply unknown.
  if (state.confirmedOn) state.category = 'full';
  else if (state.admittedOn) {
    const yearDone = addYears(state.admittedOn, 1) <= date;
    state.category = declaredCategory === 'full' && yearDone && !extendedUntil ? 'full' : 'probationary';
    if (state.category === 'probationary') state.probationEndsOn = extendedUntil ?? addYears(state.admittedOn, 1);
  }
  state.belongs = state.status === 'active';
  state.entitledToVote = state.belongs && state.category === 'full' && state.partyProbation === null;
  return state;
}

export const belongsOn = (events: readonly MemberEvent[], declared: MemberCategory, date: string) => memberStateOn(events, declared, date).belongs;
export const entitledToVoteOn = (events: readonly MemberEvent[], declared: MemberCategory, date: string) =>
  memberStateOn(events, declared, date).entitledToVote;

/** One problem with one event of a history, in Chinese, for the event form or an import row. */
export interface HistoryProblem {
  index: number;
  /** The event field the problem is about, for placing the message in a form. */
  field: 'kind' | 'occurredOn' | 'untilOn';
  message: string;
}

/**
 * Replays a history and reports every event that cannot happen where it stands (a 转正 without
 * 入党, a 流回 without 流出, anything after 去世…). `today` bounds dates; events keep their order.
 */
export function historyProblems(events: readonly MemberEvent[], today: string): HistoryProblem[] {
  const problems: HistoryProblem[] = [];
  const indexed = events.map((event, index) => ({ ...event, index }));
  const seen: MemberEvent[] = [];
  for (const event of sortEvents(indexed)) {
    const add = (message: string, field: HistoryProblem['field'] = 'kind') => problems.push({ index: event.index, field, message });
    const before = memberStateOn(seen, 'probationary', event.occurredOn);
    const count = (kind: MemberEventKind) => seen.filter((e) => e.kind === kind).length;
    const anyJoin = seen.some((e) => JOINING.includes(e.kind));
    if (event.occurredOn > today) add('日期不能晚于今天', 'occurredOn');
    if (seen.some((e) => e.kind === 'deceased')) add('已登记去世，不能再登记其他变动');
    if (event.untilOn && event.untilOn <= event.occurredOn) add('截止日期应晚于发生日期', 'untilOn');
    switch (event.kind) {
      case 'admitted':
        if (count('admitted') > 0) add('入党时间只能登记一次');
        break;
      case 'confirmed': {
        if (count('confirmed') > 0) add('转正只能登记一次');
        const admitted = seen.find((e) => e.kind === 'admitted');
        if (!admitted) add('请先登记入党时间（接收为预备党员的日期）');
        else {
          const extension = seen.find((e) => e.kind === 'probationExtended');
          const earliest = extension?.untilOn && extension.untilOn < addYears(admitted.occurredOn, 1) ? extension.untilOn : addYears(admitted.occurredOn, 1);
          if (event.occurredOn < earliest) add(`预备期为一年，转正日期不能早于 ${earliest}`, 'occurredOn');
        }
        break;
      }
      case 'probationExtended': {
        const admitted = seen.find((e) => e.kind === 'admitted');
        if (!admitted) add('请先登记入党时间');
        if (count('confirmed') > 0) add('已转正，不能延长预备期');
        if (count('probationExtended') > 0) add('预备期只能延长一次');
        if (!event.untilOn) add('请填写预备期延长至哪一天', 'untilOn');
        else if (admitted) {
          const from = addYears(admitted.occurredOn, 1);
          if (event.untilOn < addMonths(from, 6) || event.untilOn > addMonths(from, 12)) add('预备期延长时间应为半年至一年', 'untilOn');
        }
        break;
      }
      case 'transferredIn':
        if (anyJoin && before.belongs) add('该党员已在本支部，不能重复转入');
        break;
      case 'transferredOut':
      case 'membershipStopped':
      case 'deceased':
      case 'flowedOut':
      case 'lostContact':
      case 'partyProbation':
        if (!before.belongs) add(`该党员当时不在本支部（${MEMBER_STATUS_LABELS[before.status]}），不能登记${MEMBER_EVENT_LABELS[event.kind]}`);
        if (event.kind === 'flowedOut' && before.flowing) add('已登记外出流动，尚未流回');
        if (event.kind === 'lostContact' && before.lostContact) add('已登记失联，尚未恢复联系');
        if (event.kind === 'partyProbation') {
          if (before.partyProbation) add('已在留党察看期内');
          if (!event.untilOn) add('请填写察看期截止日期（一年或两年）', 'untilOn');
          else if (event.untilOn > addYears(event.occurredOn, 2)) add('留党察看期最长两年', 'untilOn');
        }
        break;
      case 'flowedBack':
        if (!before.flowing) add('没有未结束的外出流动记录');
        break;
      case 'contactRestored':
        if (!before.lostContact) add('没有未结束的失联记录');
        break;
      case 'partyProbationEnded':
        if (!before.partyProbation) add('没有未结束的留党察看记录');
        break;
    }
    seen.push(event);
  }
  return problems.sort((a, b) => a.index - b.index);
}
