import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears } from '../../src/shared/domain/dates';
import { MEMBER_EVENT_KINDS, memberStateOn, type MemberEvent } from '../../src/shared/domain/memberHistory';
import { memberStateTimeline } from '../../src/shared/domain/memberTimeline';

const day = fc.integer({ min: 0, max: 365 * 30 }).map((offset) => addDays('2000-01-01', offset));
const event = fc.record({
  kind: fc.constantFrom(...MEMBER_EVENT_KINDS),
  occurredOn: day,
  untilOn: fc.option(day, { nil: null }),
});
const history = fc.array(event, { maxLength: 8 }).map((events) => events.map((entry, index): MemberEvent => ({ ...entry, id: index + 1 })));

describe('memberStateTimeline', () => {
  it('answers as memberStateOn for any history and date, including the days around every change', () => {
    fc.assert(
      fc.property(history, fc.constantFrom('full', 'probationary'), fc.array(day, { maxLength: 10 }), (events, declared, dates) => {
        const stateOn = memberStateTimeline(events, declared);
        const around = events.flatMap((entry) =>
          [entry.occurredOn, entry.untilOn, addYears(entry.occurredOn, 1)].filter((date): date is string => !!date).flatMap((date) => [addDays(date, -1), date, addDays(date, 1)]),
        );
        for (const date of [...dates, ...around, '1990-01-01', '2099-12-31']) {
          expect(stateOn(date), `${date} ${JSON.stringify(events)}`).toEqual(memberStateOn(events, declared, date));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('turns a 预备党员 正式 by time a year after admission, as memberStateOn does', () => {
    const stateOn = memberStateTimeline([{ kind: 'admitted', occurredOn: '2024-06-24' }], 'full');
    expect(stateOn('2025-06-23').category).toBe('probationary');
    expect(stateOn('2025-06-24').category).toBe('full');
    expect(stateOn('2024-06-23').belongs).toBe(false);
  });
});
