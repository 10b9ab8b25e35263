import { MinusCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  PROBLEM_CATEGORIES,
  PROBLEM_CATEGORY_LABELS,
  PROBLEM_SOURCE_LABELS,
  PROBLEM_SOURCES,
  type OrgLifeMaterial,
  type OrgLifeSelfReview,
  type ProblemCategory,
  type ProblemSource,
} from '../../../../shared/contract/orgLife';
import { todayIso } from '../../../../shared/domain/dates';
import { RpcError } from '../../api/client';
import { useMembers } from '../../api/members';
import { useSaveOrgLife, useOrgLife } from '../../api/orgLife';
import { DATE_INPUT_FORMATS, isoDateItemProps, keepEnterInDateFields } from '../../lib/forms';
import { MaterialWordButton } from './MaterialWordButton';
import './specialFlows.css';

interface Values {
  plan?: string | null;
  planApprovedOn?: string | null;
  /** `key` ties a rectification to its problem while rows are added and removed. */
  problems: { key: string; id: number | null; text: string; category: ProblemCategory; source: ProblemSource }[];
  rectifications: {
    id: number | null;
    problemKey?: string | null;
    measure: string;
    owner?: string | null;
    dueOn?: string | null;
    done?: boolean;
    doneOn?: string | null;
    note?: string | null;
  }[];
}

type SelfReviews = Record<number, Pick<OrgLifeSelfReview, 'submitted' | 'submittedOn' | 'summary'>>;

let nextKey = 0;
const newKey = () => `new-${(nextKey += 1)}`;

/** 组织生活会 materials of one meeting record: 方案, 问题清单, 对照检查材料, 整改清单. */
export function OrgLifeCard({ meetingId }: { meetingId: number }) {
  const material = useOrgLife(meetingId);
  return (
    <Card title="组织生活会材料" extra={<MaterialWordButton meetingId={meetingId} kind="orgLife" />} style={{ marginBottom: 16 }} loading={material.isPending} data-testid="org-life-card">
      {material.isError && <Alert type="error" showIcon title={material.error.message} />}
      {material.data && <MaterialForm key={material.data.version} material={material.data} />}
    </Card>
  );
}

function toValues(material: OrgLifeMaterial): Values {
  return {
    plan: material.plan,
    planApprovedOn: material.planApprovedOn,
    problems: material.problems.map((problem) => ({ key: `p${problem.id}`, ...problem })),
    rectifications: material.rectifications.map((item) => ({
      id: item.id,
      problemKey: item.problemId === null ? null : `p${item.problemId}`,
      measure: item.measure,
      owner: item.ownerName,
      dueOn: item.dueOn,
      done: item.status === 'done',
      doneOn: item.doneOn,
      note: item.note,
    })),
  };
}

function MaterialForm({ material }: { material: OrgLifeMaterial }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveOrgLife();
  const members = useMembers({ scope: 'all' });
  const [reviews, setReviews] = useState<SelfReviews>(() =>
    Object.fromEntries(material.selfReviews.map(({ memberId, submitted, submittedOn, summary }) => [memberId, { submitted, submittedOn, summary }])),
  );
  const [problems, setProblems] = useState<string[]>([]);
  const initial = useMemo(() => toValues(material), [material]);
  const problemsWatch = (Form.useWatch('problems', { form, preserve: true }) as Values['problems'] | undefined) ?? initial.problems;
  const rectificationsWatch = (Form.useWatch('rectifications', { form, preserve: true }) as Values['rectifications'] | undefined) ?? initial.rectifications;
  const nameOptions = useMemo(() => [{ value: '支部委员会' }, ...(members.data ?? []).map((member) => ({ value: member.name }))], [members.data]);
  const problemOptions = problemsWatch.map((problem, index) => ({ value: problem?.key, label: `问题${index + 1}${problem?.text ? `：${problem.text}` : ''}` }));

  const submitted = material.selfReviews.filter((row) => reviews[row.memberId]?.submitted).length;
  const setReview = (memberId: number, change: Partial<SelfReviews[number]>) => setReviews((previous) => ({ ...previous, [memberId]: { ...previous[memberId], ...change } }));
  const markAllSubmitted = () =>
    setReviews((previous) =>
      Object.fromEntries(Object.entries(previous).map(([id, entry]) => [id, entry.submitted ? entry : { ...entry, submitted: true, submittedOn: entry.submittedOn ?? material.heldOn }])),
    );

  const memberIdByName = (name: string | null | undefined): number | null => {
    const matches = (members.data ?? []).filter((member) => member.name === name?.trim());
    return matches.length === 1 ? matches[0].id : null;
  };

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    // All values, including the row ids and keys no field shows.
    const values = form.getFieldsValue(true) as Values;
    const keys = (values.problems ?? []).map((problem) => problem.key);
    try {
      await save.mutateAsync({
        meetingId: material.meetingId,
        version: material.version,
        plan: values.plan ?? null,
        planApprovedOn: values.planApprovedOn ?? null,
        problems: (values.problems ?? []).map(({ id, text, category, source }) => ({ id, text, category, source })),
        selfReviews: material.selfReviews.map((row) => {
          const entry = reviews[row.memberId];
          return { memberId: row.memberId, submitted: entry.submitted, submittedOn: entry.submitted ? entry.submittedOn : null, summary: entry.summary };
        }),
        rectifications: (values.rectifications ?? []).map((item) => {
          const ownerMemberId = memberIdByName(item.owner);
          const index = item.problemKey ? keys.indexOf(item.problemKey) : -1;
          return {
            id: item.id ?? null,
            problemIndex: index >= 0 ? index : null,
            measure: item.measure ?? '',
            ownerMemberId,
            ownerName: ownerMemberId === null ? (item.owner ?? null) : null,
            dueOn: item.dueOn ?? null,
            status: item.done ? 'done' : 'open',
            doneOn: item.done ? (item.doneOn ?? null) : null,
            note: item.note ?? null,
          };
        }),
      });
      setProblems([]);
      message.success('已保存组织生活会材料');
    } catch (error) {
      setProblems(error instanceof RpcError && error.details.length > 0 ? error.details.map((problem) => problem.message) : [(error as Error).message]);
      message.error('组织生活会材料未保存，请按提示修改');
    }
  };

  const doneCount = rectificationsWatch.filter((item) => item?.done).length;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          event.stopPropagation();
          void submit();
          return;
        }
        keepEnterInDateFields(event);
      }}
    >
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={problems.length === 1 ? problems[0] : '请修改以下问题'}
          description={problems.length > 1 ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{problems.map((text) => <li key={text}>{text}</li>)}</ul> : undefined}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        一、方案
      </Typography.Title>
      <div className="orglife-row">
        <Form.Item name="plan" style={{ flex: 1, minWidth: 320 }}>
          <Input.TextArea aria-label="组织生活会方案" autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} placeholder="会议主题、会前准备（学习研讨、征求意见、谈心谈话、撰写对照检查材料）、议程等" />
        </Form.Item>
        <Form.Item name="planApprovedOn" {...isoDateItemProps}>
          <DatePicker aria-label="方案批准日期" format={DATE_INPUT_FORMATS} placeholder="上级批准日期" style={{ width: 150 }} />
        </Form.Item>
      </div>

      <Typography.Title level={5}>二、问题清单</Typography.Title>
      <Form.List name="problems">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, index) => (
              <div key={row.key} className="orglife-row">
                <Typography.Text style={{ width: 44, paddingTop: 5 }}>问题{index + 1}</Typography.Text>
                <Form.Item name={[row.name, 'text']} rules={[{ required: true, whitespace: true, message: '请填写问题' }]} style={{ flex: 1, minWidth: 260 }}>
                  <Input.TextArea aria-label={`问题${index + 1}`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder="查摆出的问题" />
                </Form.Item>
                <Form.Item name={[row.name, 'category']}>
                  <Select aria-label="问题类别" style={{ width: 90 }} options={PROBLEM_CATEGORIES.map((value) => ({ value, label: PROBLEM_CATEGORY_LABELS[value] }))} />
                </Form.Item>
                <Form.Item name={[row.name, 'source']}>
                  <Select aria-label="问题来源" style={{ width: 110 }} options={PROBLEM_SOURCES.map((value) => ({ value, label: PROBLEM_SOURCE_LABELS[value] }))} />
                </Form.Item>
                <Button type="text" aria-label="删除该问题" title="删除该问题" icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} />
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: newKey(), id: null, text: '', category: 'ideological', source: 'selfCheck' })}>
              添加问题
            </Button>
          </>
        )}
      </Form.List>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        三、对照检查材料
        <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 14, marginLeft: 8 }}>
          已提交 {submitted}/{material.selfReviews.length}
        </Typography.Text>
        <Button size="small" style={{ marginLeft: 8 }} onClick={markAllSubmitted} disabled={submitted === material.selfReviews.length}>
          其余全部标为已提交
        </Button>
      </Typography.Title>
      <Table<OrgLifeSelfReview>
        rowKey="memberId"
        size="small"
        pagination={false}
        scroll={{ y: 300 }}
        dataSource={material.selfReviews}
        columns={[
          {
            title: '姓名',
            width: 130,
            render: (_value, row) => (
              <Space size={4}>
                {row.name}
                {row.category === 'probationary' && <Tag>预备</Tag>}
              </Space>
            ),
          },
          {
            title: '已提交',
            width: 70,
            render: (_value, row) => (
              <Checkbox
                aria-label={`${row.name}已提交对照检查材料`}
                checked={reviews[row.memberId].submitted}
                onChange={(event) => setReview(row.memberId, { submitted: event.target.checked, submittedOn: event.target.checked ? (reviews[row.memberId].submittedOn ?? material.heldOn) : null })}
              />
            ),
          },
          {
            title: '提交日期',
            width: 150,
            render: (_value, row) =>
              reviews[row.memberId].submitted ? (
                <DatePicker
                  size="small"
                  aria-label={`${row.name}的提交日期`}
                  format={DATE_INPUT_FORMATS}
                  value={isoDateItemProps.getValueProps(reviews[row.memberId].submittedOn).value}
                  onChange={(value) => setReview(row.memberId, { submittedOn: isoDateItemProps.normalize(value) })}
                />
              ) : null,
          },
          {
            title: '主要内容（可不填）',
            render: (_value, row) => (
              <Input
                size="small"
                aria-label={`${row.name}的对照检查要点`}
                maxLength={2000}
                value={reviews[row.memberId].summary ?? ''}
                onChange={(event) => setReview(row.memberId, { summary: event.target.value || null })}
              />
            ),
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        四、整改清单
        <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 14, marginLeft: 8 }}>
          已完成 {doneCount}/{rectificationsWatch.length}
        </Typography.Text>
      </Typography.Title>
      <Form.List name="rectifications">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, index) => {
              const item = rectificationsWatch[index];
              const overdue = !item?.done && item?.dueOn && item.dueOn < todayIso();
              return (
                <div key={row.key} className={`orglife-rectification${item?.done ? ' orglife-rectification-done' : ''}`} data-testid="rectification">
                  <div className="orglife-row">
                    <Typography.Text style={{ width: 44, paddingTop: 5 }}>整改{index + 1}</Typography.Text>
                    <Form.Item name={[row.name, 'measure']} rules={[{ required: true, whitespace: true, message: '请填写整改措施' }]} style={{ flex: 1, minWidth: 260 }}>
                      <Input.TextArea aria-label={`整改${index + 1}措施`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder="整改措施" />
                    </Form.Item>
                    <Button type="text" aria-label="删除该整改事项" title="删除该整改事项" icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} />
                  </div>
                  <div className="orglife-row" style={{ paddingLeft: 52 }}>
                    <Typography.Text type="secondary" className="orglife-label">
                      对应
                    </Typography.Text>
                    <Form.Item name={[row.name, 'problemKey']}>
                      <Select aria-label="对应问题" allowClear placeholder={problemOptions.length ? '对应问题（可不选）' : '未填写问题清单'} options={problemOptions} style={{ width: 240 }} />
                    </Form.Item>
                    <Typography.Text type="secondary" className="orglife-label">
                      责任人
                    </Typography.Text>
                    <Form.Item name={[row.name, 'owner']}>
                      <AutoComplete aria-label="责任人" placeholder="责任人" options={nameOptions} filterOption={(input, option) => (option?.value ?? '').includes(input.trim())} style={{ width: 130 }} maxLength={30} />
                    </Form.Item>
                    <Typography.Text type="secondary" className="orglife-label">
                      时限
                    </Typography.Text>
                    <Form.Item name={[row.name, 'dueOn']} {...isoDateItemProps}>
                      <DatePicker aria-label="整改时限" format={DATE_INPUT_FORMATS} placeholder="整改时限" style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'done']} valuePropName="checked">
                      <Checkbox
                        aria-label={`整改${index + 1}已完成`}
                        style={{ paddingTop: 5 }}
                        onChange={(event) => {
                          if (event.target.checked && !form.getFieldValue(['rectifications', row.name, 'doneOn'])) form.setFieldValue(['rectifications', row.name, 'doneOn'], todayIso());
                        }}
                      >
                        已完成
                      </Checkbox>
                    </Form.Item>
                    {overdue && <Tag color="red" style={{ marginTop: 5 }}>已超期</Tag>}
                  </div>
                  {item?.done && (
                    <div className="orglife-row" style={{ paddingLeft: 52 }}>
                      <Typography.Text type="secondary" className="orglife-label">
                        完成于
                      </Typography.Text>
                      <Form.Item name={[row.name, 'doneOn']} rules={[{ required: true, message: '请填写完成日期' }]} {...isoDateItemProps}>
                        <DatePicker aria-label="完成日期" format={DATE_INPUT_FORMATS} placeholder="完成日期" style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'note']} style={{ flex: 1, minWidth: 260 }}>
                        <Input aria-label="完成情况" maxLength={500} placeholder="完成情况（可不填）" />
                      </Form.Item>
                    </div>
                  )}
                </div>
              );
            })}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: null, measure: '', done: false, problemKey: problemsWatch.length > rows.length ? problemsWatch[rows.length]?.key : null })}>
              添加整改事项
            </Button>
          </>
        )}
      </Form.List>

      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 12 }}>
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
          整改完成后勾选“已完成”并保存；会后随时可以回来勾选
        </Typography.Text>
        <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={submit}>
          保存组织生活会材料
        </Button>
      </div>
    </Form>
  );
}
