import { EditOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router';
import { RUBRIC_TEMPLATE_ORIGIN_LABELS, type RubricTemplateListItem, type RubricTemplateVersionItem } from '../../../../shared/contract/rubricTemplates';
import { useRubricTemplates } from '../../api/rubricTemplates';
import { StatusTag } from './StatusTag';

function dateOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

function Versions({ template }: { template: RubricTemplateListItem }) {
  const columns: ColumnsType<RubricTemplateVersionItem> = [
    { title: '版本', dataIndex: 'version', width: 90, render: (version: number) => `第 ${version} 版` },
    { title: '名称', dataIndex: 'name' },
    { title: '状态', dataIndex: 'status', width: 80, render: (status: RubricTemplateVersionItem['status']) => <StatusTag status={status} /> },
    {
      title: '来源',
      key: 'origin',
      render: (_value, version) => (
        <>
          {RUBRIC_TEMPLATE_ORIGIN_LABELS[version.origin]}
          {version.fileName && version.origin === 'imported' ? `（${version.fileName}）` : ''}
        </>
      ),
    },
    { title: '适用年度', dataIndex: 'effectiveYear', width: 90, render: (year: number) => (year ? `${year}年` : '—') },
    { title: '总分', dataIndex: 'totalPoints', width: 70 },
    { title: '指标数', dataIndex: 'indicatorCount', width: 70 },
    { title: '保存时间', dataIndex: 'createdAt', width: 140, render: dateOf },
    {
      title: '',
      key: 'readable',
      width: 110,
      render: (_value, version) =>
        !version.readable ? <Tag color="error">无法读取，不使用</Tag> : version.version === template.newestVersion ? <Tag color="blue">当前使用</Tag> : null,
    },
  ];
  return <Table size="small" rowKey="version" columns={columns} dataSource={template.versions} pagination={false} />;
}

/** 五星三强 ▸ 评分模板: every template with its status and versions; import an official table; edit one. */
export function RubricTemplatesPage() {
  const templates = useRubricTemplates();
  const navigate = useNavigate();

  const columns: ColumnsType<RubricTemplateListItem> = [
    {
      title: '模板名称',
      key: 'name',
      render: (_value, template) => (
        <Space>
          <Typography.Text strong>{template.name}</Typography.Text>
          <StatusTag status={template.status} />
        </Space>
      ),
    },
    { title: '适用范围', key: 'scope', width: 160, render: (_value, template) => template.scope.join('、') },
    { title: '制定单位', dataIndex: 'issuer', ellipsis: true },
    { title: '当前版本', dataIndex: 'newestVersion', width: 100, render: (version: number) => `第 ${version} 版` },
    { title: '版本数', key: 'count', width: 80, render: (_value, template) => template.versions.length },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_value, template) => (
        <Link to={`/assessments/templates/${encodeURIComponent(template.id)}`}>
          <Button size="small" icon={<EditOutlined />}>
            查看/修改
          </Button>
        </Link>
      ),
    },
  ];

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={4}>评分模板</Typography.Title>
        <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/assessments/templates/import')}>
          导入评分细则
        </Button>
      </div>
      <Alert
        style={{ marginBottom: 16 }}
        type="info"
        showIcon
        message="“参考”模板由本软件按公开资料编写，不是官方细则。收到上级下发的评分细则（Excel）后，请用“导入评分细则”导入为“官方”模板。"
        description="模板的每次修改和每次导入都保存为新版本，已按旧版本打分的自评不受影响。"
      />
      {templates.isError && <Alert type="error" showIcon message="无法读取评分模板" description={templates.error.message} />}
      {templates.data && templates.data.problems.length > 0 && (
        <Alert
          style={{ marginBottom: 16 }}
          type="warning"
          showIcon
          message="有模板文件或版本无法使用，已继续使用可用的版本"
          description={
            <ul className="rubric-problems">
              {templates.data.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card>
        <Table
          rowKey="id"
          loading={templates.isLoading}
          columns={columns}
          dataSource={templates.data?.templates ?? []}
          pagination={false}
          expandable={{ expandedRowRender: (template) => <Versions template={template} />, expandRowByClick: false }}
          data-testid="rubric-templates"
        />
      </Card>
    </div>
  );
}
