import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FollowUp } from '../../../../shared/contract/followUps';
import { MEETING_TYPE_LABELS } from '../../../../shared/domain/meetingTypes';
import { useFollowUps } from '../../api/followUps';
import { formatDate } from '../../lib/format';
import { CloseFollowUpModal } from './CloseFollowUpModal';

/** How many are shown before 显示全部. */
const SHOWN = 8;

/** 首页: open 议定事项, overdue first, each closed from here with a note and the meeting where it was reported. */
export function FollowUpsCard() {
  const followUps = useFollowUps({ status: 'open' });
  const [closing, setClosing] = useState<FollowUp | null>(null);
  const [showAll, setShowAll] = useState(false);
  const items = followUps.data ?? [];
  const overdue = items.filter((item) => item.status === 'overdue').length;
  const shown = showAll ? items : items.slice(0, SHOWN);

  return (
    <Card
      title="待办事项"
      data-testid="follow-ups"
      loading={followUps.isPending}
      extra={
        items.length > 0 && (
          <Typography.Text type={overdue > 0 ? 'danger' : 'secondary'}>
            未办结 {items.length} 项{overdue > 0 ? `，其中已逾期 ${overdue} 项` : ''}
          </Typography.Text>
        )
      }
    >
      {followUps.isError && <Typography.Text type="danger">{followUps.error.message}</Typography.Text>}
      {items.length === 0 ? (
        <Typography.Text type="secondary">没有未办结的事项。会议记录中填写了负责人或完成期限的决议事项会列在这里。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={shown}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              data-testid={`follow-up-${item.id}`}
              actions={[
                <Button key="close" size="small" onClick={() => setClosing(item)} aria-label={`办结：${item.text}`}>
                  办结
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={8} wrap>
                    <span>{item.text}</span>
                    {item.status === 'overdue' ? (
                      <Tag color="error">已逾期 {item.daysOverdue} 天</Tag>
                    ) : item.dueOn ? (
                      <Tag>{formatDate(item.dueOn)}前完成</Tag>
                    ) : null}
                  </Space>
                }
                description={
                  <Space size={16} wrap>
                    {item.ownerName && <span>负责人：{item.ownerName}</span>}
                    <span>
                      来自{' '}
                      <Link to={`/meetings/${item.meeting.id}`}>
                        {formatDate(item.meeting.heldOn)} {item.meeting.types.map((type) => MEETING_TYPE_LABELS[type]).join('、')}
                      </Link>
                    </span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {items.length > SHOWN && (
        <Button type="link" onClick={() => setShowAll(!showAll)} style={{ paddingInline: 0 }}>
          {showAll ? '收起' : `显示全部 ${items.length} 项`}
        </Button>
      )}
      {closing && <CloseFollowUpModal followUp={closing} onClose={() => setClosing(null)} />}
    </Card>
  );
}
