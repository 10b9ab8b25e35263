import { Card, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { HomeAttention } from '../../../../shared/contract/home';
import { linkHref } from '../../../../shared/domain/homeAttention';
import { formatDate } from '../../lib/format';

/** How many are shown before the rest are summed up. */
const SHOWN = 6;

/** 整改清单 items of 组织生活会 not yet done, overdue first; each opens its 组织生活会 record. Shown only when some are open. */
export function RectificationsCard({ data: { rectifications } }: { data: HomeAttention }) {
  const overdue = rectifications.filter((item) => item.overdue).length;
  return (
    <Card
      title="整改事项"
     
      data-testid="attention-rectifications"
      extra={
        <Typography.Text type={overdue > 0 ? 'danger' : 'secondary'}>
          未完成 {rectifications.length} 项{overdue > 0 ? `，其中逾期 ${overdue} 项` : ''}
        </Typography.Text>
      }
    >
      {rectifications.slice(0, SHOWN).map((item) => (
        <Link key={item.id} to={linkHref(item.link)} className="attention-item attention-item-tall" data-testid="attention-rectification">
          <span className="attention-item-main attention-item-stack">
            <span>{item.measure}</span>
            <Typography.Text type="secondary" className="attention-item-note">
              {item.ownerName && `责任人：${item.ownerName}，`}来自{formatDate(item.meetingHeldOn)}组织生活会
            </Typography.Text>
          </span>
          <span className="attention-item-side">
            {item.overdue ? <Tag color="error">已逾期 {item.daysOverdue} 天</Tag> : item.dueOn ? <Tag>{formatDate(item.dueOn)}前</Tag> : <Tag>未定时限</Tag>}
          </span>
        </Link>
      ))}
      {rectifications.length > SHOWN && (
        <Typography.Text type="secondary">另有 {rectifications.length - SHOWN} 项，见各次组织生活会的整改清单。</Typography.Text>
      )}
    </Card>
  );
}
