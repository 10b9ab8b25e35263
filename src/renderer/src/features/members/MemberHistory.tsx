import { App, Button, Empty, Popconfirm, Spin, Timeline, Typography } from 'antd';
import type { MemberEventRecord } from '../../../../shared/contract/memberEvents';
import {
  MEMBER_EVENT_DETAIL_LABELS,
  MEMBER_EVENT_LABELS,
  MEMBER_EVENT_UNTIL_LABELS,
  sortEvents,
  type MemberEventKind,
} from '../../../../shared/domain/memberHistory';
import { useDeleteMemberEvent, useMemberEvents } from '../../api/memberEvents';
import { formatDate } from '../../lib/format';

const JOINING: MemberEventKind[] = ['admitted', 'confirmed', 'transferredIn'];
const LEAVING: MemberEventKind[] = ['transferredOut', 'membershipStopped', 'deceased'];
const WARNING: MemberEventKind[] = ['probationExtended', 'lostContact', 'partyProbation'];

function dotColor(kind: MemberEventKind): string {
  if (JOINING.includes(kind)) return 'red';
  if (LEAVING.includes(kind)) return 'gray';
  if (WARNING.includes(kind)) return 'orange';
  return 'blue';
}

/** "流向（地点或单位）" reads "流向" in the history. */
const shortLabel = (label: string) => label.replace(/（.*）$/, '');

/** 党籍变动记录: the member's dated history, oldest first, read like a file. */
export function MemberHistory({ memberId }: { memberId: number }) {
  const { message } = App.useApp();
  const events = useMemberEvents(memberId);
  const remove = useDeleteMemberEvent();

  const deleteEvent = async (event: MemberEventRecord) => {
    try {
      await remove.mutateAsync({ id: event.id });
      message.success(`已删除：${formatDate(event.occurredOn)} ${MEMBER_EVENT_LABELS[event.kind]}`);
    } catch (error) {
      // The service says why the rest of the history needs this entry.
      message.error({ content: (error as Error).message, duration: 8 });
    }
  };

  if (events.isPending) return <Spin />;
  if (events.isError) return <Typography.Text type="danger">{events.error.message}</Typography.Text>;
  if (events.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有变动记录" />;

  return (
    <Timeline
      className="member-history"
      mode="start"
      titleSpan="128px"
      styles={{ itemTitle: { whiteSpace: 'nowrap' } }}
      items={sortEvents(events.data).map((event) => {
        const detailLabel = MEMBER_EVENT_DETAIL_LABELS[event.kind];
        const untilLabel = MEMBER_EVENT_UNTIL_LABELS[event.kind];
        return {
          key: event.id,
          color: dotColor(event.kind),
          title: formatDate(event.occurredOn),
          content: (
            <div className="history-item" data-testid="history-item">
              <div className="history-item-head">
                <Typography.Text strong>{MEMBER_EVENT_LABELS[event.kind]}</Typography.Text>
                <Popconfirm
                  title="删除这条变动记录？"
                  description="仅用于删除登记错误的记录。"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => deleteEvent(event)}
                >
                  <Button type="link" size="small" className="link-cell history-delete">
                    删除
                  </Button>
                </Popconfirm>
              </div>
              {detailLabel && event.detail && (
                <div>
                  {shortLabel(detailLabel)}：{event.detail}
                </div>
              )}
              {untilLabel && event.untilOn && (
                <div>
                  {untilLabel} {formatDate(event.untilOn)}
                </div>
              )}
              {event.note && <div className="history-note">{event.note}</div>}
              {event.recordedBy && <Typography.Text type="secondary">登记人：{event.recordedBy}</Typography.Text>}
            </div>
          ),
        };
      })}
    />
  );
}
