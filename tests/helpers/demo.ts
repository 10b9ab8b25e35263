import type { MemberListItem } from '../../src/shared/contract/members';
import { call, fixedClock, tempCore } from './tempCore';

/**
 * The demo branch on a fresh core, the clock on 2026-11-22 (its records are of 2025), with the
 * roster (everyone, current and former) to look members up by name.
 */
export async function demoBranch(now = '2026-11-22T10:00:00') {
  const clock = fixedClock(now);
  const core = tempCore({ clock });
  await call(core, 'demo:create');
  const members = await call<MemberListItem[]>(core, 'members:list', { scope: 'all' });
  const byName = (name: string) => {
    const found = members.find((member) => member.name === name);
    if (!found) throw new Error(`示例支部没有 ${name}`);
    return found.id;
  };
  const nameOf = (id: number | null) => members.find((member) => member.id === id)?.name ?? null;
  return { core, clock, members, byName, nameOf };
}
