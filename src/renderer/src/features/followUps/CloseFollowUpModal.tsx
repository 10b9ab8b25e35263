import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { FollowUpCloseInput } from '../../../../shared/contract/followUps';
import { todayIso } from '../../../../shared/domain/dates';
import { MEETING_TYPE_LABELS } from '../../../../shared/domain/meetingTypes';
import { useCloseFollowUp, useFollowUp } from '../../api/followUps';
import { formatDate } from '../../lib/format';
import { DATE_INPUT_FORMATS, isoDateItemProps, keepEnterInDateFields, showServerProblems } from '../../lib/forms';

type CloseValues = Omit<FollowUpCloseInput, 'id'>;

interface Props {
  followUp: { id: number; text: string; closedOn?: string | null; closedNote?: string | null; closedMeeting?: { id: number } | null };
  onClose: () => void;
}

/** 办结: the date it was done (today by default), a note, and the later meeting where it was reported. Mount only while open. */
export function CloseFollowUpModal({ followUp, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CloseValues>();
  const detail = useFollowUp(followUp.id);
  const close = useCloseFollowUp();
  const later = detail.data?.laterMeetings ?? [];

  const save = async (values: CloseValues) => {
    try {
      await close.mutateAsync({ id: followUp.id, closedOn: values.closedOn, note: values.note ?? null, closedMeetingId: values.closedMeetingId ?? null });
      message.success(`已办结：${followUp.text.length > 20 ? `${followUp.text.slice(0, 20)}…` : followUp.text}`);
      onClose();
    } catch (error) {
      if (!showServerProblems(form, error)) message.error((error as Error).message);
    }
  };

  return (
    <Modal title="办结事项" open onCancel={onClose} onOk={() => form.submit()} okText="办结" confirmLoading={close.isPending} width={560}>
      <Typography.Paragraph style={{ marginBottom: 16 }}>{followUp.text}</Typography.Paragraph>
      <Form<CloseValues>
        form={form}
        layout="vertical"
        initialValues={{ closedOn: followUp.closedOn ?? todayIso(), note: followUp.closedNote ?? null, closedMeetingId: followUp.closedMeeting?.id ?? null }}
        onFinish={save}
        onKeyDown={keepEnterInDateFields}
      >
        <Form.Item label="办结日期" name="closedOn" rules={[{ required: true, message: '请填写办结日期' }]} {...isoDateItemProps}>
          <DatePicker format={DATE_INPUT_FORMATS} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="办结情况" name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder="如：已整理完毕并报上级党委" />
        </Form.Item>
        <Form.Item
          label="汇报会议"
          name="closedMeetingId"
          extra={detail.data && later.length === 0 ? '作出决议之后还没有会议记录；可以不选，以后再补。' : '在之后哪次会议上汇报了落实情况（可不选）'}
        >
          <Select
            allowClear
            loading={detail.isPending}
            placeholder="可不选"
            showSearch={{ optionFilterProp: 'label' }}
            options={later.map((meeting) => ({
              value: meeting.id,
              label: `${formatDate(meeting.heldOn)} ${meeting.types.map((type) => MEETING_TYPE_LABELS[type]).join('、')}：${meeting.topic}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
