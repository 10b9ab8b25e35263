import { FileWordOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Form, InputNumber, Popconfirm, Radio, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DocumentPresetView } from '../../../../shared/contract/documentPresets';
import type { DocumentPreset } from '../../../../shared/domain/documentPresets';
import { COMMON_FACES, describePreset, FONT_SIZES, PRESET_ROLES, PRESET_ROLE_LABELS, presetProblems, type PresetSettings } from '../../../../shared/domain/presetSettings';
import { RpcError } from '../../api/client';
import { useDocumentPresets, useResetDocumentPreset, useSaveDocumentPreset } from '../../api/reports';
import './documentPresets.css';

const SIZE_OPTIONS = FONT_SIZES.map((size) => ({ value: size.pt, label: `${size.name}（${size.pt}磅）` }));
const FACE_OPTIONS = COMMON_FACES.map((face) => ({ value: face }));
const SIDES = [
  ['top', '上'],
  ['bottom', '下'],
  ['left', '左'],
  ['right', '右'],
] as const;

/** “margins.top” → ['margins', 'top'] (the form's field name). */
const fieldName = (path: string) => path.split('.') as never;

/** 设置 → 文书格式: each Word layout's margins, faces, 字号 and line spacing, saved for this branch. */
export function DocumentPresetsSection() {
  const { message } = App.useApp();
  const presets = useDocumentPresets();
  const save = useSaveDocumentPreset();
  const reset = useResetDocumentPreset();
  const [chosen, setChosen] = useState<DocumentPreset>('gbt9704');
  const [form] = Form.useForm<PresetSettings>();
  const view: DocumentPresetView | undefined = presets.data?.find((preset) => preset.name === chosen);
  const watched = Form.useWatch([], form) as PresetSettings | undefined;

  useEffect(() => {
    if (view) form.setFieldsValue(view.settings);
  }, [view, form]);

  // The live summary reads the form as typed; incomplete values (a field being cleared) fall back to the saved ones.
  const current: PresetSettings | undefined = watched?.margins && watched.fonts && watched.line ? { ...view!.settings, ...watched } : view?.settings;
  const problems = current ? presetProblems(current) : [];

  const submit = async (values: PresetSettings) => {
    try {
      await save.mutateAsync({ preset: chosen, settings: values });
      message.success(`已保存${view?.label ?? ''}的文书格式，之后导出的 Word 文件都按此排版`);
    } catch (error) {
      if (error instanceof RpcError && error.details.length > 0) form.setFields(error.details.map((problem) => ({ name: fieldName(problem.path), errors: [problem.message] })));
      message.error((error as Error).message);
    }
  };

  const restore = async () => {
    await reset.mutateAsync({ preset: chosen });
    message.success('已恢复默认格式');
  };

  return (
    <Card
      title={
        <Space>
          <FileWordOutlined />
          文书格式
          {view?.adjusted && <Tag color="blue">已调整</Tag>}
        </Space>
      }
      loading={presets.isLoading}
    >
      <Typography.Paragraph type="secondary">会议记录、年度计划、年度工作总结等 Word 文件按这里的页边距、字体字号和行距排版；两种版式分别设置，只对本支部生效。</Typography.Paragraph>
      <Segmented<DocumentPreset>
        value={chosen}
        onChange={setChosen}
        options={(presets.data ?? []).map((preset) => ({ value: preset.name, label: preset.label }))}
        style={{ marginBottom: 16 }}
      />
      {view && current && (
        <div className="document-presets">
          <Form<PresetSettings> form={form} layout="vertical" onFinish={submit} initialValues={view.settings} aria-label="文书格式">
            <div className="document-presets-heading">页边距</div>
            <Space wrap>
              {SIDES.map(([side, label]) => (
                <Form.Item key={side} name={['margins', side]} label={label} rules={[{ required: true, message: '请填写' }]}>
                  <InputNumber aria-label={`${label}边距`} min={0} max={100} suffix="毫米" style={{ width: 120 }} />
                </Form.Item>
              ))}
            </Space>
            <div className="document-presets-heading">字体和字号</div>
            <div className="document-presets-fonts">
              {PRESET_ROLES.map((role) => (
                <Space key={role} align="start" wrap>
                  <span className="document-presets-role">{PRESET_ROLE_LABELS[role]}</span>
                  <Form.Item name={['fonts', role, 'face']} rules={[{ required: true, message: '请填写字体' }]}>
                    <AutoComplete aria-label={`${PRESET_ROLE_LABELS[role]}字体`} options={FACE_OPTIONS} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={['fonts', role, 'size']}>
                    <Select aria-label={`${PRESET_ROLE_LABELS[role]}字号`} options={SIZE_OPTIONS} style={{ width: 150 }} />
                  </Form.Item>
                </Space>
              ))}
            </div>
            <div className="document-presets-heading">行距</div>
            <Form.Item name={['line', 'rule']}>
              <Radio.Group
                onChange={(event) =>
                  form.setFieldValue('line', event.target.value === 'grid' ? { rule: 'grid', lines: 22, chars: 28 } : { rule: 'exact', points: 28 })
                }
              >
                <Radio value="grid">文档网格（每页行数 × 每行字数）</Radio>
                <Radio value="exact">固定值</Radio>
              </Radio.Group>
            </Form.Item>
            <Space wrap>
              {current.line.rule === 'grid' ? (
                <>
                  <Form.Item name={['line', 'lines']} label="每页行数">
                    <InputNumber aria-label="每页行数" min={1} max={60} precision={0} suffix="行" style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={['line', 'chars']} label="每行字数">
                    <InputNumber aria-label="每行字数" min={1} max={60} precision={0} suffix="字" style={{ width: 110 }} />
                  </Form.Item>
                </>
              ) : (
                <Form.Item name={['line', 'points']} label="固定行距">
                  <InputNumber aria-label="固定行距" min={1} max={100} suffix="磅" style={{ width: 110 }} />
                </Form.Item>
              )}
              <Form.Item name="firstLineChars" label="首行缩进">
                <InputNumber aria-label="首行缩进" min={0} max={4} precision={0} suffix="字" style={{ width: 110 }} />
              </Form.Item>
            </Space>
            <Space className="document-presets-actions">
              <Button type="primary" htmlType="submit" loading={save.isPending} disabled={problems.length > 0}>
                保存
              </Button>
              <Popconfirm title={`将${view.label}恢复为默认值？`} okText="恢复默认" cancelText="取消" onConfirm={restore}>
                <Button loading={reset.isPending}>恢复默认</Button>
              </Popconfirm>
            </Space>
          </Form>
          <div className="document-presets-summary" data-testid="preset-summary">
            <Typography.Text strong>当前设置</Typography.Text>
            <ul>
              {describePreset(current).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {problems.length > 0 && <Alert type="error" showIcon message="请修改后再保存" description={problems.map((problem) => problem.message).join('；')} />}
            <Typography.Text type="secondary">默认：{describePreset(view.defaults)[0]}</Typography.Text>
          </div>
        </div>
      )}
    </Card>
  );
}
