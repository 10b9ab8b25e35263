import { ExperimentOutlined, FlagOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Divider, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { branchCreateInput, type BranchCreateInput } from '../../../../shared/contract/branch';
import { BRANCH_KIND_LABELS, BRANCH_KINDS, defaultTermEnd, defaultTermYears, type BranchKind } from '../../../../shared/domain/branch';
import { isValidIsoDate } from '../../../../shared/domain/dates';
import { useCreateBranch, useCreateDemo } from '../../api/branch';
import { DATE_INPUT_FORMATS, isoDateItemProps, keepEnterInDateFields, showServerProblems, zodRule } from '../../lib/forms';

const fields = branchCreateInput.shape;

/** First run: create this branch, or load the demo branch to look around. */
export function SetupWizard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<BranchCreateInput>();
  const [mode, setMode] = useState<'choose' | 'create'>('choose');
  const createBranch = useCreateBranch();
  const createDemo = useCreateDemo();
  const kind = Form.useWatch('kind', form) as BranchKind | undefined;

  // The term end follows the start (3 years, 5 for village/community) until the user edits it.
  const [endTouched, setEndTouched] = useState(false);
  const proposeEnd = (start: string | null | undefined, branchKind: BranchKind | undefined) => {
    if (!endTouched && start && isValidIsoDate(start)) form.setFieldValue('termEndsOn', defaultTermEnd(branchKind ?? 'organ', start));
  };

  const submit = async (values: BranchCreateInput) => {
    try {
      const branch = await createBranch.mutateAsync(values);
      message.success(`已创建：${branch.name}`);
    } catch (error) {
      if (!showServerProblems(form, error)) message.error((error as Error).message);
    }
  };

  const loadDemo = async () => {
    try {
      const demo = await createDemo.mutateAsync(undefined);
      message.success(`已载入示例数据：${demo.members} 名党员，${demo.year}年组织生活记录 ${demo.meetings} 条`);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <div className="center-screen">
      <Card className="wizard" title={<Typography.Title level={3} style={{ margin: '8px 0' }}>欢迎使用支部台账</Typography.Title>}>
        <Typography.Paragraph type="secondary">
          所有数据只保存在这台电脑上。先建立本支部的基本信息，之后再录入党员和组织生活记录；也可以先载入示例数据看看软件能做什么。
        </Typography.Paragraph>
        {mode === 'choose' ? (
          <div className="wizard-choice">
            <Card hoverable onClick={() => setMode('create')} data-testid="choose-create">
              <Space direction="vertical">
                <FlagOutlined style={{ fontSize: 28, color: '#c7000b' }} />
                <Typography.Title level={4} style={{ margin: 0 }}>创建本支部</Typography.Title>
                <Typography.Text type="secondary">填写支部名称、类型、上级党组织和本届支委会任期。</Typography.Text>
              </Space>
            </Card>
            <Card hoverable onClick={loadDemo} data-testid="choose-demo">
              <Space direction="vertical">
                <ExperimentOutlined style={{ fontSize: 28, color: '#1677ff' }} />
                <Typography.Title level={4} style={{ margin: 0 }}>载入示例数据</Typography.Title>
                <Typography.Text type="secondary">虚构的两新组织党支部，含 25 名党员、两个党小组和上一年度全部组织生活记录。</Typography.Text>
              </Space>
            </Card>
          </div>
        ) : (
          <Form<BranchCreateInput>
            form={form}
            layout="vertical"
            requiredMark
            initialValues={{ kind: 'organ', termSeq: 1 }}
            onFinish={submit}
            onKeyDown={keepEnterInDateFields}
            onValuesChange={(changed: Partial<BranchCreateInput>, all) => {
              if ('termEndsOn' in changed) setEndTouched(true);
              if ('termStartsOn' in changed || 'kind' in changed) proposeEnd(all.termStartsOn, all.kind as BranchKind);
            }}
          >
            <Form.Item label="支部名称" name="name" required rules={[zodRule(fields.name)]}>
              <Input placeholder="如：中共××有限公司支部委员会" autoFocus maxLength={60} />
            </Form.Item>
            <Form.Item label="支部类型" name="kind" required>
              <Radio.Group optionType="button" options={BRANCH_KINDS.map((value) => ({ value, label: BRANCH_KIND_LABELS[value] }))} />
            </Form.Item>
            <Form.Item label="上级党组织" name="parentOrg" rules={[zodRule(fields.parentOrg)]}>
              <Input placeholder="如：中共××区新经济与新社会组织工作委员会" maxLength={60} />
            </Form.Item>
            <Form.Item label="成立日期" name="foundedOn" {...isoDateItemProps}>
              <DatePicker format={DATE_INPUT_FORMATS} placeholder="如 2015-06-26" style={{ width: 200 }} />
            </Form.Item>
            <Divider titlePlacement="start" plain>
              本届支部委员会
            </Divider>
            <Space size="large" wrap>
              <Form.Item label="届次" name="termSeq" required>
                <InputNumber min={1} max={99} controls={false} addonBefore="第" addonAfter="届" style={{ width: 130 }} />
              </Form.Item>
              <Form.Item label="任期开始" name="termStartsOn" required rules={[zodRule(fields.termStartsOn)]} {...isoDateItemProps}>
                <DatePicker format={DATE_INPUT_FORMATS} placeholder="选举产生的日期" style={{ width: 180 }} />
              </Form.Item>
              <Form.Item
                label="任期结束"
                name="termEndsOn"
                required
                rules={[zodRule(fields.termEndsOn)]}
                extra={`一般为${defaultTermYears(kind ?? 'organ')}年，填写开始日期后自动计算`}
                {...isoDateItemProps}
              >
                <DatePicker format={DATE_INPUT_FORMATS} style={{ width: 180 }} />
              </Form.Item>
            </Space>
            <Space>
              <Button type="primary" htmlType="submit" loading={createBranch.isPending}>
                创建支部
              </Button>
              <Button onClick={() => setMode('choose')}>返回</Button>
            </Space>
          </Form>
        )}
      </Card>
    </div>
  );
}
