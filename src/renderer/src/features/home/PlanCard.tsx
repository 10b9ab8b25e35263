import { Card, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { AttentionPlannedItem, HomeAttention } from '../../../../shared/contract/home';
import { linkHref } from '../../../../shared/domain/homeAttention';
import { MEETING_TYPE_LABELS } from '../../../../shared/domain/meetingTypes';
import { PLAN_HORIZON_DAYS } from '../../../../shared/domain/planProgress';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 11月25日（周二） */
function plannedDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${month}月${day}日（周${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}）`;
}

function when(item: AttentionPlannedItem): string {
  if (item.daysAhead === 0) return '今天';
  if (item.daysAhead > 0) return `还有 ${item.daysAhead} 天`;
  return `已过 ${-item.daysAhead} 天，尚未登记`;
}

/**
 * 计划安排: the 年度计划's items of the next 30 days (and this month's passed ones) not held yet, each
 * opening a new record filled from the item (登记). Nothing without a saved plan, except a quiet link
 * to make one in January–February.
 */
export function PlanCard({ data }: { data: HomeAttention }) {
  const { plan } = data;
  if (!plan.saved) {
    return plan.suggest ? (
      <Link to={linkHref(plan.link)} className="attention-plan-suggest" data-testid="attention-plan-suggest">
        制定{plan.year}年度计划 ›
      </Link>
    ) : null;
  }
  return (
    <Card
      title="计划安排"
      size="small"
      data-testid="attention-plan"
      extra={
        <Link to={linkHref(plan.link)} style={{ fontSize: 13 }}>
          查看年度计划
        </Link>
      }
    >
      {plan.items.length === 0 ? (
        <Typography.Text type="secondary">近 {PLAN_HORIZON_DAYS} 天没有尚未开展的计划事项。</Typography.Text>
      ) : (
        plan.items.map((item) => (
          <Link key={item.key} to={linkHref(item.link)} className="attention-item" data-testid="attention-planned">
            <span className="attention-item-main attention-item-stack">
              <span className="attention-item-main">
                <Typography.Text strong>{plannedDay(item.plannedOn)}</Typography.Text>
                {item.types.map((type) => (
                  <Tag key={type}>{MEETING_TYPE_LABELS[type]}</Tag>
                ))}
                {item.groupName && <Typography.Text type="secondary">{item.groupName}</Typography.Text>}
              </span>
              <span>{item.topic}</span>
              <Typography.Text type={item.status === 'due' ? 'warning' : 'secondary'} className="attention-item-note">
                {when(item)}
                {item.owner && ` · 负责人：${item.owner}`}
              </Typography.Text>
            </span>
            <span className="attention-item-side">登记 ›</span>
          </Link>
        ))
      )}
    </Card>
  );
}
