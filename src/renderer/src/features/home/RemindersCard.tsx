import { Card, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { HomeAttention } from '../../../../shared/contract/home';
import { linkHref } from '../../../../shared/domain/homeAttention';

/** 提醒: 换届 (from six months before the term ends) and 转正 (from 60 days before a 预备期 ends). */
export function RemindersCard({ data: { election, probations } }: { data: HomeAttention }) {
  const empty = !election && probations.length === 0;
  return (
    <Card title="提醒" data-testid="attention-reminders">
      {empty ? (
        <Typography.Text type="secondary">近期没有换届、转正提醒。</Typography.Text>
      ) : (
        <>
          {election && (
            <Link to={linkHref(election.link)} className="attention-item" data-testid="attention-election">
              <span className="attention-item-main">
                <Tag color={election.overdue ? 'error' : 'warning'}>换届</Tag>
                <span>{election.text}</span>
              </span>
              <span className="attention-item-side">组织建设 ›</span>
            </Link>
          )}
          {probations.map((item) => (
            <Link key={item.memberId} to={linkHref(item.link)} className="attention-item" data-testid="attention-probation">
              <span className="attention-item-main">
                <Tag color={item.ended ? 'error' : 'warning'}>转正</Tag>
                <span>{item.text}</span>
              </span>
              <span className="attention-item-side">{item.ended ? `已届满 ${-item.daysLeft} 天` : item.daysLeft === 0 ? '今天' : `还有 ${item.daysLeft} 天`}</span>
            </Link>
          ))}
        </>
      )}
    </Card>
  );
}
