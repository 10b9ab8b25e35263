import { AutoComplete, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { ExpectedPerson, MeetingAssessment } from '../../../../shared/contract/meetings';

/** Circumstances in which the higher committee usually agrees to leave someone out of 应到 (DOMAIN §3). */
const USUAL_REASONS = ['长期患病，经上级党组织同意', '出国（境）半年以上', '外出务工、经商一年以上无法参加', '正在服刑'];

export interface Exclusion {
  memberId: number;
  reason: string;
}

interface Props {
  expected: ExpectedPerson[];
  excluded: MeetingAssessment['excluded'];
  exclusions: Exclusion[];
  onChange: (next: Exclusion[]) => void;
}

/**
 * 经批准不计入应到: with the higher committee's consent a member can be left out of 应到 (and so of the
 * quorum's denominator) for this meeting, with the reason recorded. Listed under the attendance grid,
 * each can be counted again.
 */
export function ExclusionsControl({ expected, excluded, exclusions, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ memberId: number; reason: string }>();

  const add = async () => {
    const values = await form.validateFields();
    onChange([...exclusions.filter((item) => item.memberId !== values.memberId), { memberId: values.memberId, reason: values.reason.trim() }]);
    setOpen(false);
    form.resetFields();
  };

  return (
    <div style={{ marginTop: 8 }}>
      {excluded.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          经上级党组织同意不计入应到：
          {excluded.map((person, index) => (
            <span key={person.memberId}>
              {index > 0 && '、'}
              {person.name}（{person.reason}）
              <Button
                type="link"
                size="small"
                aria-label={`恢复计入${person.name}`}
                onClick={() => onChange(exclusions.filter((item) => item.memberId !== person.memberId))}
              >
                恢复计入
              </Button>
            </span>
          ))}
        </Typography.Paragraph>
      )}
      <Button size="small" onClick={() => setOpen(true)} disabled={expected.length === 0}>
        经批准不计入应到…
      </Button>
      <Modal title="经批准不计入应到" open={open} okText="确定" cancelText="取消" onOk={add} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">
          因长期患病、出国（境）等原因不能参加组织生活，且经上级党组织同意的，可不计入本次会议的应到人数。请注明原因。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="输入姓名查找"
              options={expected.map((person) => ({ value: person.memberId, label: person.name }))}
            />
          </Form.Item>
          <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }, { max: 100, message: '不能超过100个字' }]}>
            <AutoComplete options={USUAL_REASONS.map((value) => ({ value }))}>
              <Input maxLength={100} placeholder="如 长期患病，经上级党组织同意" />
            </AutoComplete>
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
