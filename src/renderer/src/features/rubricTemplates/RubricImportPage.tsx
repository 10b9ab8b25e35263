import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Result, Row, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { MAX_RUBRIC_SHEET_BYTES, type RubricImportPreview, type RubricTemplateImportMeta, type RubricTemplateSaved } from '../../../../shared/contract/rubricTemplates';
import type { RubricSheetRow } from '../../../../shared/domain/rubricSheet';
import { RUBRIC_SCOPES, RUBRIC_STATUSES } from '../../../../shared/domain/rubricTemplate';
import { useImportRubric, usePreviewRubricImport, useRubricTemplates } from '../../api/rubricTemplates';
import { fileToBase64 } from '../../lib/download';

interface Picked {
  fileName: string;
  contentBase64: string;
}

const KIND_LABELS: Record<RubricSheetRow['kind'], string> = {
  category: '一级指标',
  indicator: '指标',
  continuation: '续行',
  subtotal: '小计',
  total: '合计',
  skipped: '未导入',
};

interface MetaForm {
  name: string;
  issuer: string;
  scope: RubricTemplateImportMeta['scope'];
  effectiveYear: number;
  status: RubricTemplateImportMeta['status'];
  starPercent: number;
  sourceNote?: string;
  target: string;
}

const NEW_TEMPLATE = '__new__';

/** 导入评分细则: pick the .xlsx → preview every row with its errors and guesses → fill in what the sheet does not say → 导入. */
export function RubricImportPage() {
  const { message } = App.useApp();
  const preview = usePreviewRubricImport();
  const importRubric = useImportRubric();
  const templates = useRubricTemplates();
  const [form] = Form.useForm<MetaForm>();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [result, setResult] = useState<RubricImportPreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<RubricTemplateSaved | null>(null);

  const chooseFile = async (file: File) => {
    setFileError(null);
    setDone(null);
    if (file.size > MAX_RUBRIC_SHEET_BYTES) {
      setFileError(`文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB），评分细则通常远小于 5 MB。请删去图片和无关的工作表后另存再导入。`);
      return false;
    }
    try {
      const next = { fileName: file.name, contentBase64: await fileToBase64(file) };
      const previewed = await preview.mutateAsync({ ...next, meta: {} });
      setPicked(next);
      setResult(previewed);
      form.setFieldsValue({
        name: previewed.template?.name ?? previewed.suggestedName ?? file.name.replace(/\.[^.]*$/, '').slice(0, 40),
        issuer: '',
        scope: ['两新'],
        effectiveYear: previewed.template?.effectiveYear ?? previewed.suggestedYear ?? new Date().getFullYear(),
        status: '官方',
        starPercent: 80,
        sourceNote: '',
        target: NEW_TEMPLATE,
      });
    } catch (error) {
      setFileError((error as Error).message);
    }
    return false;
  };

  const submit = async (values: MetaForm) => {
    if (!picked) return;
    try {
      const saved = await importRubric.mutateAsync({
        ...picked,
        meta: {
          name: values.name,
          issuer: values.issuer,
          scope: values.scope,
          effectiveYear: values.effectiveYear,
          status: values.status,
          starPercent: values.starPercent,
          sourceNote: values.sourceNote || null,
          updateId: values.target === NEW_TEMPLATE ? null : values.target,
        },
      });
      setDone(saved);
      setResult(null);
      setPicked(null);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const rowProblems = (row: RubricSheetRow, level: 'error' | 'warning') => row.problems.filter((problem) => problem.level === level);
  const columns: ColumnsType<RubricSheetRow> = [
    { title: '行号', dataIndex: 'rowNumber', width: 60 },
    { title: '类别', dataIndex: 'kind', width: 56, render: (kind: RubricSheetRow['kind']) => KIND_LABELS[kind] },
    { title: '一级指标', dataIndex: 'dimension', width: 100 },
    { title: '二级指标', dataIndex: 'text', width: 140 },
    { title: '评分标准', dataIndex: 'criteria', render: (criteria: string) => <div className="rubric-criteria">{criteria}</div> },
    { title: '分值', dataIndex: 'pointsText', width: 64 },
    { title: '评分方式（导入后）', dataIndex: 'scoringLabel', width: 170 },
    {
      title: '问题',
      key: 'problems',
      width: 220,
      render: (_value, row) => (
        <Space direction="vertical" size={0}>
          {rowProblems(row, 'error').map((problem) => (
            <Typography.Text key={problem.message} type="danger">
              {problem.message}
            </Typography.Text>
          ))}
          {rowProblems(row, 'warning').map((problem) => (
            <Typography.Text key={problem.message} type="warning">
              {problem.message}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
  ];

  const imported = (templates.data?.templates ?? []).filter((template) => template.versions.some((version) => version.origin !== 'shipped'));
  const hasErrors = !!result && (result.errors.length > 0 || !result.template);
  // Each row's scoring guess is shown on its row; the list above keeps the rest and counts those.
  const guessed = result?.scoringGuesses ?? [];
  const otherWarnings = result?.warnings.filter((warning) => !guessed.includes(warning)) ?? [];

  return (
    <div>
      <div className="page-title">
        <Space>
          <Link to="/assessments/templates">
            <Button icon={<ArrowLeftOutlined />}>返回评分模板</Button>
          </Link>
          <Typography.Title level={4}>导入评分细则</Typography.Title>
        </Space>
      </div>

      {done && (
        <Card style={{ marginBottom: 16 }}>
          <Result
            status="success"
            title={`已导入“${done.name}”第 ${done.version} 版`}
            subTitle="请打开模板核对评分方式和分档分数，需要时修改后保存为新版本。"
            extra={[
              <Link key="edit" to={`/assessments/templates/${encodeURIComponent(done.id)}`}>
                <Button type="primary">查看并核对模板</Button>
              </Link>,
              <Link key="list" to="/assessments/templates">
                <Button>返回评分模板</Button>
              </Link>,
            ]}
          />
        </Card>
      )}

      {!result && (
        <Card style={{ marginBottom: 16 }}>
          <Upload.Dragger accept=".xlsx" showUploadList={false} beforeUpload={chooseFile} disabled={preview.isPending} data-testid="rubric-drop">
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{preview.isPending ? '正在读取文件…' : '点击选择或把评分细则（.xlsx）拖到这里'}</p>
            <p className="ant-upload-hint">
              表中应有“一级指标”“二级指标”“评分标准”“分值”等列（考核内容、考核要点、考核标准、分数等写法也可以识别）；合并的单元格、多行的评分标准、小计和合计行都能读取。导入前先预览，没有错误才能导入。
            </p>
          </Upload.Dragger>
          {fileError && <Alert style={{ marginTop: 16 }} type="error" showIcon message="无法读取这个文件" description={fileError} />}
        </Card>
      )}

      {result && picked && (
        <>
          <Card
            style={{ marginBottom: 16 }}
            title={`预览：${picked.fileName}${result.sheetName ? `（工作表“${result.sheetName}”，标题在第 ${result.headerRowNumber} 行）` : ''}`}
            extra={
              <Button
                onClick={() => {
                  setResult(null);
                  setPicked(null);
                }}
              >
                重新选择文件
              </Button>
            }
          >
            {result.errors.length > 0 && (
              <Alert
                style={{ marginBottom: 12 }}
                type="error"
                showIcon
                message={`有 ${result.errors.length} 处错误，改正 Excel 后重新选择文件`}
                description={
                  <ul className="rubric-problems" data-testid="rubric-errors">
                    {result.errors.map((error) => (
                      <li key={error}>{error}</li>
                    ))}
                  </ul>
                }
              />
            )}
            {result.template && (
              <Alert
                style={{ marginBottom: 12 }}
                type="success"
                showIcon
                message={`可以导入：${result.template.dimensions.length} 个一级指标，${result.template.indicators.length} 个指标，总分 ${result.template.totalPoints ?? '—'} 分`}
                description={`一级指标：${result.template.dimensions.map((dimension) => `${dimension.name}（${dimension.maxPoints} 分）`).join('、')}；等级：${result.template.levels.map((level) => level.name).join('、')}`}
              />
            )}
            {result.warnings.length > 0 && (
              <Alert
                style={{ marginBottom: 12 }}
                type="warning"
                showIcon
                message={`请核对以下按推测导入的内容（导入后可在模板中修改）`}
                description={
                  <ul className="rubric-problems" data-testid="rubric-warnings">
                    {otherWarnings.map((warning) => (
                      <li key={warning}>{warning}</li>
                    ))}
                    {guessed.length > 0 && <li>{guessed.length} 个指标的评分方式是按评分标准的写法推测的，见下表“问题”列</li>}
                  </ul>
                }
              />
            )}
            <Table
              size="small"
              rowKey="rowNumber"
              columns={columns}
              dataSource={result.rows}
              pagination={false}
              rowClassName={(row) => (rowProblems(row, 'error').length ? 'rubric-row-error' : row.kind === 'subtotal' || row.kind === 'total' ? 'rubric-row-total' : '')}
              data-testid="rubric-preview"
            />
          </Card>

          <Card title="模板信息（表中没有写明的，请补充）">
            <Form form={form} layout="vertical" onFinish={submit} disabled={hasErrors} requiredMark>
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item name="name" label="模板名称" rules={[{ required: true, whitespace: true, message: '请填写模板名称' }, { max: 40, message: '不能超过 40 个字' }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="issuer" label="制定单位" rules={[{ required: true, whitespace: true, message: '请填写制定单位，如 金华市两新工委' }, { max: 60, message: '不能超过 60 个字' }]}>
                    <Input placeholder="如 金华市两新工委" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="scope" label="适用范围" rules={[{ required: true, message: '请选择适用范围' }]}>
                    <Checkbox.Group options={RUBRIC_SCOPES.map((scope) => ({ label: scope, value: scope }))} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name="effectiveYear" label="适用年度" rules={[{ required: true, message: '请填写适用年度' }]}>
                    <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name="status" label="状态">
                    <Radio.Group options={RUBRIC_STATUSES.map((status) => ({ label: status, value: status }))} optionType="button" />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="starPercent" label="星/强点亮得分率（%）" tooltip="得分达到该维度满分的这一比例即点亮；导入后可逐项修改">
                    <InputNumber min={1} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="target" label="导入为">
                    <Select
                      options={[
                        { value: NEW_TEMPLATE, label: '新的评分模板' },
                        ...imported.map((template) => ({ value: template.id, label: `“${template.name}”的第 ${template.newestVersion + 1} 版（更新）` })),
                      ]}
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="sourceNote" label="来源说明" tooltip="如文件号、下发日期；不填则记为从哪个文件导入">
                    <Input placeholder="如 金两新〔2025〕12号" />
                  </Form.Item>
                </Col>
              </Row>
              <Space>
                <Button type="primary" htmlType="submit" loading={importRubric.isPending} disabled={hasErrors}>
                  导入
                </Button>
                {hasErrors && <Typography.Text type="danger">表中有错误，不能导入。请改正 Excel 后重新选择文件。</Typography.Text>}
                {!hasErrors && result.warnings.length > 0 && <Tag color="warning">导入后请核对 {result.warnings.length} 处推测</Tag>}
              </Space>
            </Form>
          </Card>
        </>
      )}
    </div>
  );
}
