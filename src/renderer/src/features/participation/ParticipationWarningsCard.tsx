import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ParticipationWarning } from '../../../../shared/contract/participation';
import { DUES_NOT_RECORDED, WARNING_LEVEL_LABELS } from '../../../../shared/domain/participation';
import { useParticipationWarnings } from '../../api/participation';
import { formatDate } from '../../lib/format';
import { runSpan } from './ParticipationPage';

/** 首页: members at 3 (提醒) or 6 (需要处理) months without organisational life (DOMAIN §5). */
export function ParticipationWarningsCard() {
  const warnings = useParticipationWarnings();
  const data = warnings.data;
  return (
    <Card title="参加组织生活提醒" extra={<Link to="/participation">查看参加情况</Link>} loading={warnings.isPending} data-testid="participation-warnings">
      {warnings.isError && <Alert type="error" showIcon message={warnings.error.message} />}
      {data && data.items.length === 0 && (
        <Typography.Text type="secondary">没有连续 {data.remindAt} 个月以上未参加组织生活的党员。</Typography.Text>
      )}
      {data && data.items.length > 0 && (
        <List size="small" dataSource={data.items} renderItem={(item) => <WarningItem item={item} />} />
      )}
      {data && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          连续 {data.remindAt} 个月提醒，{data.actAt} 个月需要处理；请假和没有会议的月份不计入。{DUES_NOT_RECORDED}。
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function WarningItem({ item }: { item: ParticipationWarning }) {
  return (
    <List.Item>
      <Space direction="vertical" size={0} style={{ width: '100%' }}>
        <Space size={8} wrap>
          <Tag color={item.level === 'act' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
            {WARNING_LEVEL_LABELS[item.level]}
          </Tag>
          <Link to={`/members/${item.memberId}`}>{item.name}</Link>
          <span>
            连续 {item.run.months} 个月未参加组织生活（{runSpan(item.run)}）
          </span>
          {item.flowing && <Tag color="blue">流动党员{item.flowing.detail ? `（${item.flowing.detail}）` : ''}，请与流入地党组织核实</Tag>}
          {item.lostContact && <Tag color="volcano">自 {formatDate(item.lostContact.since)} 失联</Tag>}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.partyGroupName ? `${item.partyGroupName} · ` : ''}
          {item.lastAttendedOn ? `最近一次参加：${formatDate(item.lastAttendedOn)}` : '记录中没有参加过组织生活'}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}
