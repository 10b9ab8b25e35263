import { addYears } from './dates';
import type { MemberCategory } from './member';
import { memberStateOn, type MemberEvent, type MemberState } from './memberHistory';

// memberStateOn replays a history for one date. A list of hundreds of records asks the same members
// about hundreds of dates; a member's state only changes on the dates below, so it is computed once
// per such date and looked up. Answers are those of memberStateOn (tested with random histories).

/** The dates on which memberStateOn's answer can change: every event date, 察看/延长 end dates, and a year after each admission (预备 → 正式 by time). */
function changeDates(events: readonly MemberEvent[]): string[] {
  const dates = new Set<string>();
  for (const event of events) {
    dates.add(event.occurredOn);
    if (event.untilOn) dates.add(event.untilOn);
    if (event.kind === 'admitted') dates.add(addYears(event.occurredOn, 1));
  }
  return [...dates].sort();
}

/** The member's state on any date, as memberStateOn gives it. The states returned are shared: read, don't change. */
export function memberStateTimeline(events: readonly MemberEvent[], declaredCategory: MemberCategory): (date: string) => MemberState {
  const dates = changeDates(events);
  const before = memberStateOn(events, declaredCategory, '0000-01-01');
  const states = dates.map((date) => memberStateOn(events, declaredCategory, date));
  return (date) => {
    // The last change date on or before `date`.
    let low = 0;
    let high = dates.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (dates[middle] <= date) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found < 0 ? before : states[found];
  };
}
