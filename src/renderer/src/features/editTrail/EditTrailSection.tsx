import { HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router';

/** The 设置 card leading to 修改记录 (the log itself is a page of its own). */
export function EditTrailSection() {
  const navigate = useNavigate();
  return (
    <Card title="修改记录">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        每条会议记录、每名党员和支部、支委会、党小组设置的新增、修改、删除都有记录，可按名称或内容搜索。各记录页面上的“最后修改于…”也可打开该记录的修改记录。
      </Typography.Paragraph>
      <Button icon={<HistoryOutlined />} onClick={() => navigate('/settings/edit-trail')}>
        查看修改记录
      </Button>
    </Card>
  );
}
