import { Alert, Card, Space } from 'antd';
import { useHomeAttention } from '../../api/home';
import { CompletionCard } from './CompletionCard';
import { ObligationsCard } from './ObligationsCard';
import { PlanCard } from './PlanCard';
import { RectificationsCard } from './RectificationsCard';
import { RemindersCard } from './RemindersCard';
import './homeAttention.css';

// 首页's “what needs doing”, in the page's two columns: 本月待办 heads the left one (above the
// follow-ups), 提醒, 整改 and the year's completion head the right one. Both read one query.

/** 本月待办 and the 年度计划's next items (and the error, if the dashboard cannot be read). */
export function HomeAttentionMain() {
  const attention = useHomeAttention();
  if (attention.isError) return <Alert type="error" showIcon title="无法读取待办和提醒" description={attention.error.message} />;
  if (attention.data === null) return null;
  if (!attention.data) return <Card title="本月待办" loading />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ObligationsCard data={attention.data} />
      <PlanCard data={attention.data} />
    </Space>
  );
}

/** 提醒 (换届, 转正), open 整改 and 年度落实情况. */
export function HomeAttentionSide() {
  const { data } = useHomeAttention();
  if (!data) return null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <RemindersCard data={data} />
      {data.rectifications.length > 0 && <RectificationsCard data={data} />}
      <CompletionCard data={data} />
    </Space>
  );
}
