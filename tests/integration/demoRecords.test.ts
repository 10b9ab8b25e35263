import { describe, expect, it } from 'vitest';
import { unchangedUpdate, type MeetingListItem, type MeetingRecord } from '../../src/shared/contract/meetings';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

// The demo branch is what a secretary tries first: every one of its records must open and save again
// unchanged in the editor, or the first thing they try fails with a validation message.


describe('demo branch records', () => {
  it('each opens and saves again unchanged', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'demo:create');
    const list = await call<MeetingListItem[]>(core, 'meetings:list', { year: 2025 });
    expect(list).toHaveLength(60);
    const refused: string[] = [];
    for (const item of list) {
      const record = await call<MeetingRecord>(core, 'meetings:get', { id: item.id });
      const result = await core.dispatch('meetings:update', unchangedUpdate(record));
      if (!result.ok) refused.push(`${record.heldOn} ${record.topic}: ${result.error.message} ${JSON.stringify(result.error.details ?? [])}`);
    }
    expect(refused).toEqual([]);
  });
});
