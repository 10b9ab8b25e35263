import { describe, expect, it } from 'vitest';
import type { Branch } from '../../src/shared/contract/branch';
import type { DemoSummary } from '../../src/shared/contract/demo';
import type { HomeOverview } from '../../src/shared/contract/home';
import type { Member, MemberListItem } from '../../src/shared/contract/members';
import { aBranch } from '../helpers/builders';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

describe('branch setup', () => {
  it('has no branch on first run, then creates the branch with its committee term', async () => {
    const core = tempCore();
    expect(await call(core, 'branch:get')).toBeNull();
    expect(await call(core, 'home:get')).toBeNull();
    const branch = await call<Branch>(core, 'branch:create', aBranch({ termSeq: 4 }));
    expect(branch.name).toBe('中共金华市示例局机关第一支部委员会');
    const got = await call<{ branch: Branch; term: { seq: number; startsOn: string; endsOn: string } }>(core, 'branch:get');
    expect(got.term).toMatchObject({ seq: 4, startsOn: '2024-03-15', endsOn: '2027-03-15' });
  });

  it('refuses a second branch in the same data file', async () => {
    const core = tempCore();
    await call(core, 'branch:create', aBranch());
    expect(await core.dispatch('branch:create', aBranch({ name: '另一个支部' }))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('updates the profile, including the contact person', async () => {
    const core = tempCore();
    await call(core, 'branch:create', aBranch());
    const updated = await call<Branch>(core, 'branch:update', {
      name: '中共金华市示例局机关第二支部委员会',
      kind: 'organ',
      parentOrg: null,
      foundedOn: '2010-07-01',
      contactPerson: '王丽萍',
      contactPhone: '0579-82231688',
    });
    expect(updated).toMatchObject({ name: '中共金华市示例局机关第二支部委员会', parentOrg: null, contactPerson: '王丽萍' });
  });

  it('refuses a founding date in the future', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    const result = await core.dispatch('branch:create', aBranch({ foundedOn: '2030-01-01' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'foundedOn' }] } });
    expect(await call(core, 'branch:get')).toBeNull();
  });
});

describe('首页 overview: 换届 notice', () => {
  it('appears from three months before the term ends and counts days left', async () => {
    const clock = fixedClock('2026-12-13T09:00:00');
    const core = tempCore({ clock });
    await call(core, 'branch:create', aBranch({ termStartsOn: '2024-03-15', termEndsOn: '2027-03-14' }));
    let home = await call<HomeOverview>(core, 'home:get');
    expect(home.election).toEqual({ dueOn: '2027-03-14', daysLeft: 91, noticeActive: false });
    clock.set('2026-12-14T09:00:00');
    home = await call<HomeOverview>(core, 'home:get');
    expect(home.election).toMatchObject({ daysLeft: 90, noticeActive: true });
    clock.set('2027-04-01T09:00:00');
    home = await call<HomeOverview>(core, 'home:get');
    expect(home.election).toMatchObject({ daysLeft: -18, noticeActive: true });
  });
});

describe('demo branch', () => {
  it('is a complete branch: 25 members, 2 groups, a committee of 5 and last year of records', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    const summary = await call<DemoSummary>(core, 'demo:create');
    expect(summary).toMatchObject({ members: 25, groups: 2, year: 2025 });
    const home = await call<HomeOverview>(core, 'home:get');
    expect(home.members).toEqual({ total: 25, full: 22, probationary: 3 });
    expect(home.committee.map((seat) => seat.role)).toEqual(['secretary', 'deputySecretary', 'organization', 'publicity', 'discipline']);
    expect(home.groups.map((group) => group.memberCount)).toEqual([13, 12]);
    expect(home.groups.every((group) => group.leaderName)).toBe(true);
    expect(home.meetings).toEqual([{ year: 2025, count: summary.meetings }]);
    expect(summary.meetings).toBeGreaterThanOrEqual(50);
  });

  it('covers every form of organisational life, with gaps and absences', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'demo:create');
    const db = core.store.unsafeDatabase();
    const types = db.prepare('SELECT type, COUNT(*) AS n FROM meeting_obligations GROUP BY type').all() as { type: string; n: number }[];
    expect(types.map((row) => row.type).sort()).toEqual(
      ['committeeMeeting', 'democraticReview', 'groupMeeting', 'heartToHeartTalk', 'memberAssembly', 'orgLifeMeeting', 'partyLecture', 'themedPartyDay'],
    );
    // Gaps: fewer than 12 支委会 and fewer than 2 x 12 党小组会; no 党员大会 in the third quarter.
    expect(types.find((row) => row.type === 'committeeMeeting')!.n).toBeLessThan(12);
    expect(types.find((row) => row.type === 'groupMeeting')!.n).toBeLessThan(24);
    const q3Assemblies = db.prepare(
      `SELECT COUNT(*) AS n FROM meetings m JOIN meeting_obligations o ON o.meeting_id = m.id
       WHERE o.type = 'memberAssembly' AND substr(m.held_on, 6, 2) IN ('07', '08', '09')`,
    ).get() as { n: number };
    expect(q3Assemblies.n).toBe(0);
    const absences = db.prepare(`SELECT COUNT(*) AS n FROM meeting_attendance WHERE status <> 'present'`).get() as { n: number };
    expect(absences.n).toBeGreaterThan(20);
    // Back-filled records: some were written up days after the meeting.
    const lagging = db.prepare('SELECT COUNT(*) AS n FROM meetings WHERE recorded_on > held_on').get() as { n: number };
    expect(lagging.n).toBeGreaterThan(0);
  });

  it('moves to the year before today, keeping 预备党员 within their probation year', async () => {
    const core = tempCore({ clock: fixedClock('2030-05-01T10:00:00') });
    const summary = await call<DemoSummary>(core, 'demo:create');
    expect(summary.year).toBe(2029);
    const probationary = (await call<MemberListItem[]>(core, 'members:list')).filter((m) => m.category === 'probationary');
    expect(probationary).toHaveLength(3);
    for (const member of probationary) expect(member.admittedOn!.startsWith('2029')).toBe(true);
  });

  it('only counts people as expected at meetings held after they joined', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'demo:create');
    const db = core.store.unsafeDatabase();
    const early = db.prepare(
      `SELECT COUNT(*) AS n FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id JOIN members p ON p.id = a.member_id
       JOIN member_events e ON e.member_id = p.id AND e.kind = 'admitted'
       WHERE e.occurred_on > m.held_on`,
    ).get() as { n: number };
    expect(early.n).toBe(0);
  });

  it('refuses to load into a data file that already has a branch', async () => {
    const core = tempCore();
    await call(core, 'branch:create', aBranch());
    expect(await core.dispatch('demo:create')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call<Member[]>(core, 'members:list')).toHaveLength(0);
  });
});
