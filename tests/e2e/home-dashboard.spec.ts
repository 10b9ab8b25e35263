import type { Page } from '@playwright/test';
import { periodsOfYear } from '../../src/shared/domain/compliance';
import { daysBetween, formatChineseDate } from '../../src/shared/domain/dates';
import { expect, test } from './fixtures';
import { HomeDashboard } from './pages/HomeDashboard';
import { HomePage } from './pages/HomePage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

// The demo branch holds last year's records only, so on any day this year something is due
// (nothing has been held yet) and the year's completion starts from zero. The server's clock is the
// real one; the dates below are computed from it.

/** Calls the app's interface as the page does (its per-launch token, same host), to set up data quickly. */
async function rpc<T>(page: Page, method: string, input?: unknown): Promise<T> {
  const base = new URL('./', page.url()).href;
  const html = await (await page.request.get(base)).text();
  const token = /name="branch-ledger-token" content="([^"]+)"/.exec(html)![1];
  const response = await page.request.post(`${base}rpc`, { headers: { 'x-branch-ledger-token': token }, data: { method, input } });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** The server's today (it runs with TZ=Asia/Shanghai). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

test('首页待办与提醒：本月待办带剩余天数，逐项可点开去登记；转正提醒打开党员；年度落实情况一目了然', async ({ page, app }) => {
  const now = today();
  const year = Number(now.slice(0, 4));
  await page.goto(app.baseUrl);
  const home = new HomePage(page);
  await expect(home.heading).toBeVisible();
  const dashboard = new HomeDashboard(page);

  // 本月待办: this quarter's 党员大会 has not been held yet, with the days left to the quarter's end.
  await expect(dashboard.obligations).toBeVisible();
  const quarterEnd = periodsOfYear('quarter', year).find((quarter) => quarter.start <= now && now <= quarter.end)!.end;
  const daysLeft = daysBetween(now, quarterEnd) + 1;
  const assembly = dashboard.due.filter({ hasText: '本季度尚未召开支部党员大会' });
  await expect(assembly).toHaveText(new RegExp(daysLeft === 1 ? '今天是最后一天' : `剩余 ${daysLeft} 天`));
  await expect(dashboard.obligations).toContainText('按“全国默认”规则');

  // 年度落实情况: this year from zero; the 谈心谈话 line links to the coverage table.
  await expect(dashboard.year(year)).toContainText(`${year}年度应开展 55 项，已完成 0 项`);
  await expect(dashboard.year(year).getByRole('link', { name: `${year}年支部党员大会 已完成 0/4` })).toBeVisible();
  await expect(dashboard.year(year).getByTestId('attention-talks')).toHaveAttribute('href', `#/meetings/talks?year=${year}`);

  // 转正: 宋佳 and 郑浩 were accepted on 06-24 of last year; they show from 60 days before.
  const probationEnds = `${year}-06-24`;
  const probation = dashboard.reminders.getByTestId('attention-probation').filter({ hasText: '宋佳' });
  if (daysBetween(now, probationEnds) <= 60) {
    await expect(probation).toContainText(
      now <= probationEnds ? `宋佳预备期将于${formatChineseDate(probationEnds)}届满` : `宋佳预备期已于${formatChineseDate(probationEnds)}届满，尚未登记转正`,
    );
  } else {
    await expect(probation).toHaveCount(0);
  }
  await expect(dashboard.rectifications).toHaveCount(0);
  await shoot(page, '42-home-dashboard');

  // A due item opens a new record of its type.
  await assembly.click();
  await expect(page).toHaveURL(/#\/meetings\/new\?type=memberAssembly$/);
  await expect(page.getByRole('heading', { name: '新建会议记录', exact: true })).toBeVisible();

  // A 党小组会 item opens it for that 党小组.
  await page.goBack();
  const groups = await rpc<{ id: number; name: string }[]>(page, 'groups:list');
  const second = groups.find((group) => group.name.startsWith('第二党小组'))!;
  await dashboard.due.filter({ hasText: `${second.name}尚未召开党小组会` }).click();
  await expect(page).toHaveURL(new RegExp(`#/meetings/new\\?type=groupMeeting&group=${second.id}$`));

  // 转正 opens the member (when the reminder is showing).
  if (daysBetween(now, probationEnds) <= 60) {
    await page.goBack();
    await probation.click();
    await expect(page).toHaveURL(/#\/members\/\d+$/);
    await expect(page.getByRole('heading', { name: '宋佳', exact: true })).toBeVisible();
  }
});

test('首页：各项都已开展的支部显示“目前没有待办”，逾期项补录后消失', async ({ page, app }) => {
  const now = today();
  const year = Number(now.slice(0, 4));
  const month = Number(now.slice(5, 7));
  await page.goto(app.baseUrl);
  const dashboard = new HomeDashboard(page);
  await expect(dashboard.obligations).toBeVisible();

  const members = await rpc<{ id: number; name: string }[]>(page, 'members:list');
  const groups = await rpc<{ id: number; name: string }[]>(page, 'groups:list');
  const id = (name: string) => members.find((member) => member.name === name)!.id;
  const g1 = groups.find((group) => group.name.startsWith('第一党小组'))!.id;
  const g2 = groups.find((group) => group.name.startsWith('第二党小组'))!.id;
  const hosts: Record<number, string> = { [g1]: '杨帆', [g2]: '赵敏' };
  async function hold(heldOn: string, types: string[], partyGroupId: number | null, extra: Record<string, unknown> = {}) {
    const check = await rpc<{ expected: { memberId: number }[] }>(page, 'meetings:check', { types, partyGroupId, heldOn, exclusions: [] });
    const host = partyGroupId === null ? '陈建华' : hosts[partyGroupId];
    await rpc(page, 'meetings:create', {
      types,
      partyGroupId,
      heldOn,
      topic: `${types.join('、')} ${heldOn}`,
      hostMemberId: id(host),
      recorderMemberId: id(host),
      attendance: check.expected.map((person) => ({ memberId: person.memberId, status: 'present' })),
      ...extra,
    });
  }

  // Last year's four gaps (they show in January and February), held late but held.
  const last = year - 1;
  await hold(`${last}-08-28`, ['committeeMeeting'], null);
  await hold(`${last}-09-25`, ['memberAssembly'], null);
  await hold(`${last}-02-26`, ['groupMeeting'], g2);
  await hold(`${last}-10-28`, ['groupMeeting'], g2);
  // Every month of this year up to today; a 党员大会 each quarter; the 书记's 党课, 组织生活会 and
  // 民主评议 once, this month.
  for (let m = 1; m <= month; m += 1) {
    const heldOn = m < month ? `${year}-${String(m).padStart(2, '0')}-10` : now;
    const assembly = m % 3 === 1 || m === month ? ['memberAssembly'] : [];
    const yearly = m === month ? ['partyLecture', 'orgLifeMeeting', 'democraticReview'] : [];
    const lecture = m === month ? { lecturerMemberId: id('陈建华'), lectureTitle: '学习党的创新理论' } : {};
    await hold(heldOn, ['themedPartyDay', ...assembly, ...yearly], null, lecture);
    await hold(heldOn, ['committeeMeeting'], null);
    await hold(heldOn, ['groupMeeting'], g1);
    await hold(heldOn, ['groupMeeting'], g2);
  }
  // 转正 recorded for those whose 预备期 has ended (宋佳 and 郑浩 on 06-24, 谢雨萱 on 12-19).
  for (const [name, endsOn] of [['宋佳', `${year}-06-24`], ['郑浩', `${year}-06-24`], ['谢雨萱', `${year}-12-19`]]) {
    if (endsOn <= now) await rpc(page, 'memberEvents:create', { memberId: id(name), kind: 'confirmed', occurredOn: endsOn });
  }
  await page.reload();

  await expect(dashboard.allClear).toContainText('各项组织生活都已按要求开展，目前没有待办。');
  await expect(dashboard.missed).toHaveCount(0);
  await expect(dashboard.year(year)).toContainText(`${year}年度应开展 55 项，已完成`);
  await expect(dashboard.year(year)).not.toContainText('未按期');
  await expect(dashboard.reminders.getByTestId('attention-probation').filter({ hasText: '尚未登记转正' })).toHaveCount(0);
  await shoot(page, '42-home-dashboard-up-to-date');
});
