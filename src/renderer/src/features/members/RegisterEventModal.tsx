import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { MemberView } from '../../../../shared/contract/members';
import type { MemberEventInput } from '../../../../shared/contract/memberEvents';
import { addMonths, addYears, isValidIsoDate, todayIso } from '../../../../shared/domain/dates';
import {
  MEMBER_EVENT_DETAIL_LABELS,
  MEMBER_EVENT_LABELS,
  MEMBER_EVENT_UNTIL_LABELS,
  type MemberEventKind,
} from '../../../../shared/domain/memberHistory';
import { useCreateMemberEvent } from '../../api/memberEvents';
import { useCommittee } from '../../api/organization';
import { formatDate } from '../../lib/format';
import { DATE_INPUT_FORMATS, isoDateItemProps, keepEnterInDateFields, showServerProblems } from '../../lib/forms';

type EventValues = Omit<MemberEventInput, 'memberId'>;

/** The kinds of change in the order a secretary thinks of them. */
const KIND_GROUPS: { label: string; kinds: MemberEventKind[] }[] = [
  { label: '入党与转正', kinds: ['admitted', 'probationExtended', 'confirmed'] },
  { label: '组织关系', kinds: ['transferredIn', 'transferredOut'] },
  { label: '流动与联系', kinds: ['flowedOut', 'flowedBack', 'lostContact', 'contactRestored'] },
  { label: '纪律与其他', kinds: ['partyProbation', 'partyProbationEnded', 'membershipStopped', 'deceased'] },
];

const KIND_HINTS: Partial<Record<MemberEventKind, string>> = {
  admitted: '支部大会通过接收为预备党员的日期',
  confirmed: '支部大会讨论通过转为正式党员的日期',
  transferredOut: '登记后不再列入在册党员，所在党小组同日结束',
  membershipStopped: '登记后不再列入在册党员，所在党小组同日结束',
  deceased: '登记后不再列入在册党员，所在党小组同日结束',
  partyProbation: '察看期内没有表决权、选举权和被选举权',
};

/** The 书记 of the committee in office, who usually records changes. */
function useSecretaryName(): string | null {
  const committee = useCommittee();
  const today = todayIso();
  const term = committee.data?.find((candidate) => candidate.current);
  const seat = term?.seats.find((candidate) => candidate.role === 'secretary' && candidate.startsOn <= today && (candidate.endsOn === null || candidate.endsOn > today));
  return seat?.memberName ?? null;
}

interface Props {
  member: MemberView;
  onClose: () => void;
}

/** 登记变动: one dated change of a member's standing (转正, 转出, 外出流动, 留党察看…). */
/** Mount it only while open: every opening starts a new entry. */
export function RegisterEventModal({ member, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EventValues>();
  const create = useCreateMemberEvent();
  const secretary = useSecretaryName();
  const kind = Form.useWatch('kind', form) as MemberEventKind | undefined;
  const occurredOn = Form.useWatch('occurredOn', form) as string | null | undefined;
  const detailLabel = kind ? MEMBER_EVENT_DETAIL_LABELS[kind] : undefined;

  const untilLabel = kind ? MEMBER_EVENT_UNTIL_LABELS[kind] : undefined;

  const save = async (values: EventValues) => {
    try {
      const event = await create.mutateAsync({
        memberId: member.id,
        kind: values.kind,
        occurredOn: values.occurredOn,
        detail: detailLabel ? (values.detail ?? null) : null,
        untilOn: untilLabel ? (values.untilOn ?? null) : null,
        note: values.note ?? null,
        recordedBy: values.recordedBy ?? null,
      });
      message.success(`已登记：${member.name} ${MEMBER_EVENT_LABELS[event.kind]}`);
      onClose();
    } catch (error) {
      if (!showServerProblems(form, error)) message.error((error as Error).message);
    }
  };

  const setUntil = (value: string) => {
    form.setFieldValue('untilOn', value);
    void form.validateFields(['untilOn']).catch(() => undefined);
  };

  // 留党察看 is for one or two years from the decision; an extended probation runs half a year or a
  // year beyond the end of the first probation year.
  const probationYearEnds = member.admittedOn ? addYears(member.admittedOn, 1) : null;
  const start = occurredOn && isValidIsoDate(occurredOn) ? occurredOn : null;
  const quickUntil: { label: string; value: string }[] =
    kind === 'partyProbation' && start
      ? [
          { label: '一年', value: addYears(start, 1) },
          { label: '两年', value: addYears(start, 2) },
        ]
      : kind === 'probationExtended' && probationYearEnds
        ? [
            { label: '半年', value: addMonths(probationYearEnds, 6) },
            { label: '一年', value: addMonths(probationYearEnds, 12) },
          ]
        : [];
  const untilExtra =
    kind === 'probationExtended'
      ? probationYearEnds
        ? `预备期原定于 ${formatDate(probationYearEnds)} 期满，可延长半年至一年`
        : '请先在党员信息中填写入党时间'
      : kind === 'partyProbation'
        ? '察看期为一年或两年'
        : undefined;

  return (
    <Modal
      title={`登记变动：${member.name}`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      confirmLoading={create.isPending}
      width={560}
    >
      <Form<EventValues>
        form={form}
        layout="vertical"
        initialValues={{ occurredOn: todayIso(), detail: null, untilOn: null, note: null, recordedBy: secretary }}
        onFinish={save}
        onKeyDown={keepEnterInDateFields}
      >
        <Form.Item label="变动类型" name="kind" rules={[{ required: true, message: '请选择变动类型' }]} extra={kind ? KIND_HINTS[kind] : undefined}>
          <Select
            placeholder="请选择，或输入文字查找"
            showSearch={{ optionFilterProp: 'label' }}
            virtual={false}
            listHeight={420}
            options={KIND_GROUPS.map((group) => ({
              label: group.label,
              title: group.label,
              options: group.kinds.map((value) => ({ value, label: MEMBER_EVENT_LABELS[value] })),
            }))}
          />
        </Form.Item>
        <Form.Item label="发生日期" name="occurredOn" rules={[{ required: true, message: '请填写发生日期' }]} {...isoDateItemProps}>
          <DatePicker format={DATE_INPUT_FORMATS} style={{ width: 200 }} />
        </Form.Item>
        {detailLabel && (
          <Form.Item label={detailLabel} name="detail">
            <Input maxLength={100} placeholder={kind === 'flowedOut' ? '如：上海，某某公司上海分公司' : undefined} />
          </Form.Item>
        )}
        {untilLabel && (
          <Form.Item label={untilLabel} required extra={untilExtra}>
            <Space>
              <Form.Item name="untilOn" noStyle {...isoDateItemProps}>
                <DatePicker format={DATE_INPUT_FORMATS} style={{ width: 200 }} aria-label={untilLabel} />
              </Form.Item>
              {quickUntil.map((option) => (
                <Button key={option.label} onClick={() => setUntil(option.value)}>
                  {option.label}
                </Button>
              ))}
            </Space>
          </Form.Item>
        )}
        <Form.Item label="备注" name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} placeholder="如：支部大会决议、上级党委批复文号" />
        </Form.Item>
        <Form.Item label="登记人" name="recordedBy">
          <Input maxLength={30} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
