import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pickOption } from './pages/controls';
import { MeetingsPage } from './pages/MeetingsPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

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

const NEW_TOPIC = '交流高温季节防暑降温工作';

/** A 第一党小组 meeting of the demo year with a speech and a decision, as if entered earlier. */
async function recordWithMinutes(page: Page, demoYear: number): Promise<void> {
  const members = await rpc<{ id: number; name: string }[]>(page, 'members:list');
  const groups = await rpc<{ id: number; name: string }[]>(page, 'groups:list');
  const id = (name: string) => members.find((member) => member.name === name)!.id;
  const group = groups.find((entry) => entry.name.startsWith('第一党小组'))!.id;
  const heldOn = `${demoYear}-10-23`;
  const check = await rpc<{ expected: { memberId: number }[] }>(page, 'meetings:check', { types: ['groupMeeting'], partyGroupId: group, heldOn, exclusions: [] });
  await rpc(page, 'meetings:create', {
    types: ['groupMeeting'],
    partyGroupId: group,
    heldOn,
    location: '研发中心会议室',
    topic: NEW_TOPIC,
    hostMemberId: id('杨帆'),
    recorderMemberId: id('朱晨'),
    agenda: [{ title: '交流夏季生产保障情况', speeches: [{ speakerMemberId: id('孙磊'), summary: '建议车间增设防暑降温药品，党员带头巡查安全隐患' }] }],
    decisions: [{ text: '由杨帆负责本月内采购车间防暑物资', agendaPosition: 0, ownerMemberId: id('杨帆') }],
    attendance: check.expected.map((person) => ({ memberId: person.memberId, status: 'present' })),
  });
}

test('组织生活搜索：两字词查全部年度，高亮并显示出处，按党小组和人员筛选，找不到时说明并可清除筛选', async ({ page, app }) => {
  const currentYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4));
  const demoYear = currentYear - 1;
  await page.goto(app.baseUrl);
  const meetings = new MeetingsPage(page);
  await meetings.open();
  await recordWithMinutes(page, demoYear);
  await expect(meetings.summary).toHaveText(`${currentYear}年组织生活记录共 0 条`);

  // "/" puts the cursor in the search box; typing searches every year once typing pauses.
  await meetings.heading.click();
  await page.keyboard.press('/');
  await expect(meetings.searchBox).toBeFocused();
  await page.keyboard.type('党费');
  await expect(meetings.summary).toHaveText('全部年度包含“党费”的记录共 2 条');
  await expect(meetings.rows).toHaveCount(2);
  await expect(meetings.row('研究一季度支部党员大会议程及党费收缴情况')).toBeVisible();
  await expect(meetings.highlights('学习全国两会精神，通报2024年度党费收缴和发展党员工作情况')).toHaveText(['党费']);
  await expect(page).toHaveURL(/q=%E5%85%9A%E8%B4%B9/);

  // A word said in a speech: the row shows where it was found, the word highlighted.
  await meetings.search('隐患');
  await expect(meetings.rows).toHaveCount(1);
  await expect(meetings.match(NEW_TOPIC)).toHaveText('发言：孙磊：建议车间增设防暑降温药品，党员带头巡查安全隐患');
  await expect(meetings.highlights(NEW_TOPIC)).toHaveText(['隐患']);
  // Opening a result and coming back keeps the search.
  await meetings.row(NEW_TOPIC).getByRole('link').click();
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(meetings.searchBox).toHaveValue('隐患');
  await expect(meetings.rows).toHaveCount(1);

  // 安全: six demo records and the new one; 第一党小组 held three of them.
  await meetings.search('安全');
  await expect(meetings.summary).toHaveText('全部年度包含“安全”的记录共 7 条');
  await pickOption(meetings.groupFilter, '第一党小组（研发）');
  await expect(meetings.summary).toHaveText('全部年度包含“安全”的记录共 3 条');
  await expect(meetings.rows).toHaveCount(3);
  await expect(meetings.match(NEW_TOPIC)).toContainText('安全');
  await expect(meetings.highlights('交流节后复工和岗位安全情况')).toHaveText(['安全']);
  await shoot(page, '24-meetings-search');

  // Nothing found: say so, and offer to drop the filters.
  await meetings.search('党费');
  await expect(meetings.summary).toHaveText('全部年度包含“党费”的记录共 0 条');
  await expect(meetings.table.getByText('未找到包含“党费”的记录')).toBeVisible();
  await meetings.table.getByRole('button', { name: '清除筛选' }).click();
  await expect(meetings.summary).toHaveText('全部年度包含“党费”的记录共 2 条');

  // A person by pinyin initials, as in the roster: 孙磊 spoke at the new meeting.
  await meetings.search('隐患 防暑');
  await pickOption(meetings.memberFilter, '孙磊', 'sl');
  await expect(meetings.summary).toHaveText('全部年度包含“隐患 防暑”的记录共 1 条');
  // 王丽萍 is in the other 党小组.
  await pickOption(meetings.memberFilter, '王丽萍', 'wlp');
  await expect(meetings.summary).toHaveText('全部年度包含“隐患 防暑”的记录共 0 条');
  await expect(meetings.table.getByText('未找到包含“隐患 防暑”的记录')).toBeVisible();
  await meetings.table.getByRole('button', { name: '清除筛选' }).click();
  await expect(meetings.memberFilter.locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]')).toContainText('全部人员');

  // Enter searches at once; clearing the box returns to this year's list.
  await meetings.searchBox.fill('活动室');
  await meetings.searchBox.press('Enter');
  await expect(meetings.summary).toContainText('全部年度包含“活动室”的记录共');
  await expect(meetings.rows.first().getByTestId('search-match')).toHaveText('地点：公司三楼党员活动室');
  await meetings.searchBox.fill('');
  await expect(meetings.summary).toHaveText(`${currentYear}年组织生活记录共 0 条`);
});
