import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MeetingDecision } from '../../../../shared/contract/meetings';
import { daysBetween, todayIso } from '../../../../shared/domain/dates';
import { useReopenFollowUp } from '../../api/followUps';
import { formatDate } from '../../lib/format';
import { CloseFollowUpModal } from './CloseFollowUpModal';

/** Under a saved decision in the record editor: 未办结 / 已逾期 / 已办结 on a date, with the note and the meeting where it was reported. */
export function DecisionFollowUp({ decision }: { decision: MeetingDecision }) {
  const { message } = App.useApp();
  const [closing, setClosing] = useState(false);
  const reopen = useReopenFollowUp();
  const today = todayIso();
  const overdue = decision.closedOn === null && decision.dueOn !== null && decision.dueOn < today;

  const doReopen = async () => {
    try {
      await reopen.mutateAsync({ id: decision.id });
      message.success('已改为未办结');
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <div className="decision-follow-up" data-testid={`decision-state-${decision.id}`}>
      {decision.closedOn ? (
        <Space size={6} wrap>
          <Tag color="success">已办结</Tag>
          <Typography.Text type="secondary">
            {formatDate(decision.closedOn)}办结{decision.closedNote ? `：${decision.closedNote}` : ''}
          </Typography.Text>
          {decision.closedMeeting && (
            <Typography.Text type="secondary">
              汇报会议：<Link to={`/meetings/${decision.closedMeeting.id}`}>{formatDate(decision.closedMeeting.heldOn)} {decision.closedMeeting.topic}</Link>
            </Typography.Text>
          )}
          <Button type="link" size="small" onClick={() => setClosing(true)}>
            修改
          </Button>
          <Popconfirm title="改为未办结？" description="办结日期、情况和汇报会议将被清除。" okText="改为未办结" cancelText="取消" onConfirm={doReopen}>
            <Button type="link" size="small">
              重新打开
            </Button>
          </Popconfirm>
        </Space>
      ) : (
        <Space size={6}>
          {overdue ? <Tag color="error">已逾期 {daysBetween(decision.dueOn!, today)} 天</Tag> : <Tag>未办结</Tag>}
          <Button type="link" size="small" onClick={() => setClosing(true)}>
            办结
          </Button>
        </Space>
      )}
      {closing && <CloseFollowUpModal followUp={decision} onClose={() => setClosing(false)} />}
    </div>
  );
}
