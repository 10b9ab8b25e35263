import { Alert, Card, Empty, Typography } from 'antd';
import { Link } from 'react-router';
import { todayIso } from '../../../../shared/domain/dates';
import { ACT_MONTHS, DUES_NOT_RECORDED, REMIND_MONTHS } from '../../../../shared/domain/participation';
import { useParticipationYear } from '../../api/participation';
import { formatDate } from '../../lib/format';
import { MonthMark } from './MonthMark';
import { runSpan } from './ParticipationPage';

/** 党员详情: this year's months of organisational life, the totals and the open run. */
export function MemberParticipation({ memberId, name }: { memberId: number; name: string }) {
  const year = Number(todayIso().slice(0, 4));
  const sheet = useParticipationYear(year);
  const row = sheet.data?.rows.find((candidate) => candidate.memberId === memberId);
  return (
    <Card
      title={`${year}年参加组织生活`}
      extra={<Link to={`/participation?year=${year}`}>全支部参加情况</Link>}
      loading={sheet.isPending}
      data-testid="member-participation"
    >
      {sheet.isError && <Alert type="error" showIcon message={sheet.error.message} />}
      {sheet.data && !row && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year}年不是本支部党员`} />}
      {row && (
        <>
          <div className="participation-strip" aria-label={`${name}${year}年各月参加组织生活情况`}>
            {row.months.map((month) => (
              <div key={month.month} className="participation-strip-month">
                <span className="participation-month-name">{Number(month.month.slice(5, 7))}月</span>
                <MonthMark name={name} month={month} />
              </div>
            ))}
          </div>
          <Typography.Paragraph style={{ margin: '10px 0 0' }}>
            {row.totals.expected === 0
              ? `${year}年还没有该党员应参加的组织生活记录`
              : `应参加 ${row.totals.expected} 次，出席 ${row.totals.present} 次，请假 ${row.totals.leave} 次，缺席 ${row.totals.absent} 次${row.totals.madeUp > 0 ? `（其中补学 ${row.totals.madeUp} 次）` : ''}`}
            {row.lastAttendedOn && `；最近一次参加：${formatDate(row.lastAttendedOn)}`}。
          </Typography.Paragraph>
          {row.currentRun && row.currentRun.months >= REMIND_MONTHS && (
            <Alert
              style={{ marginTop: 8 }}
              type={row.currentRun.months >= ACT_MONTHS ? 'error' : 'warning'}
              showIcon
              message={`已连续 ${row.currentRun.months} 个月未参加组织生活（${runSpan(row.currentRun)}）`}
              description={row.currentRun.months >= ACT_MONTHS ? '无正当理由连续六个月不参加组织生活，按自行脱党处理：请核实情况并报上级党组织。' : '请及时谈心谈话，了解原因，督促参加组织生活。'}
            />
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {DUES_NOT_RECORDED}。
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
