import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AssessmentView } from '../../../../shared/contract/assessments';
import { useReopenAssessment, useReviewAssessment, useSubmitAssessment } from '../../api/assessments';
import { DATE_INPUT_FORMATS, showServerProblems } from '../../lib/forms';

export type WorkflowDialog = 'submit' | 'reopen' | 'review' | null;

interface Props {
  view: AssessmentView;
  open: WorkflowDialog;
  onClose: () => void;
  /** Saves pending edits first, so what is submitted is what is on screen. */
  flush: () => Promise<void>;
}

/** 提交 (locks, dated), 重新打开 (with a reason, recorded) and 登记审核结果. */
export function WorkflowModals({ view, open, onClose, flush }: Props) {
  return (
    <>
      {open === 'submit' && <SubmitModal view={view} onClose={onClose} flush={flush} />}
      {open === 'reopen' && <ReopenModal view={view} onClose={onClose} />}
      {open === 'review' && <ReviewModal view={view} onClose={onClose} />}
    </>
  );
}

function SubmitModal({ view, onClose, flush }: { view: AssessmentView; onClose: () => void; flush: () => Promise<void> }) {
  const { message, modal } = App.useApp();
  const submit = useSubmitAssessment();
  const [form] = Form.useForm<{ submittedOn: Dayjs }>();
  const ok = async () => {
    const { submittedOn } = await form.validateFields();
    try {
      await flush();
      await submit.mutateAsync({ id: view.id, submittedOn: submittedOn.format('YYYY-MM-DD') });
      message.success(`${view.year} 年度自评已提交，已锁定`);
      onClose();
    } catch (error) {
      modal.error({ title: '未能提交', content: <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{(error as Error).message}</Typography.Paragraph>, width: 600 });
    }
  };
  return (
    <Modal open title={`提交 ${view.year} 年度自评`} okText="提交" cancelText="取消" onOk={() => void ok()} onCancel={onClose} confirmLoading={submit.isPending}>
      <Typography.Paragraph>
        总分 <strong>{view.result.totalPoints}</strong> / {view.result.maxPoints}，评定为“<strong>{view.result.level.name}</strong>”。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">提交后自评将锁定，不能再修改；确需修改时须“重新打开”并写明原因，该操作会被记录。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ submittedOn: dayjs() }}>
        <Form.Item name="submittedOn" label="提交日期" rules={[{ required: true, message: '请选择提交日期' }]}>
          <DatePicker format={DATE_INPUT_FORMATS} allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReopenModal({ view, onClose }: { view: AssessmentView; onClose: () => void }) {
  const { message } = App.useApp();
  const reopen = useReopenAssessment();
  const [form] = Form.useForm<{ reason: string }>();
  const ok = async () => {
    const { reason } = await form.validateFields();
    try {
      await reopen.mutateAsync({ id: view.id, reason });
      message.success('已重新打开，可以修改；修改后请再次提交');
      onClose();
    } catch (error) {
      if (!showServerProblems(form, error)) message.error((error as Error).message);
    }
  };
  return (
    <Modal open title="重新打开自评" okText="重新打开" okButtonProps={{ danger: true }} cancelText="取消" onOk={() => void ok()} onCancel={onClose} confirmLoading={reopen.isPending}>
      <Typography.Paragraph type="secondary">
        {view.status === 'reviewed' ? '本自评已有审核结果；重新打开后审核结果保留在修改记录中，须再次提交。' : '重新打开后可修改，修改完成须再次提交。'}
        原因将记入修改记录。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="重新打开的原因" rules={[{ required: true, whitespace: true, message: '请写明重新打开的原因' }]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder="如：街道党工委审核时指出第 3 项佐证不足，补充后重新提交" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ReviewForm {
  reviewedOn: Dayjs;
  reviewerScore: number;
  reviewerLevel?: string;
  reviewComment?: string;
}

function ReviewModal({ view, onClose }: { view: AssessmentView; onClose: () => void }) {
  const { message } = App.useApp();
  const review = useReviewAssessment();
  const [form] = Form.useForm<ReviewForm>();
  const ok = async () => {
    const values = await form.validateFields();
    try {
      await review.mutateAsync({
        id: view.id,
        reviewedOn: values.reviewedOn.format('YYYY-MM-DD'),
        reviewerScore: values.reviewerScore,
        reviewerLevel: values.reviewerLevel ?? null,
        reviewComment: values.reviewComment ?? null,
      });
      message.success('已登记审核结果');
      onClose();
    } catch (error) {
      if (!showServerProblems(form, error)) message.error((error as Error).message);
    }
  };
  return (
    <Modal open title="登记审核结果" okText="保存" cancelText="取消" onOk={() => void ok()} onCancel={onClose} confirmLoading={review.isPending}>
      <Typography.Paragraph type="secondary">
        填写上级党组织审核后的得分和等级（自评 {view.result.totalPoints} 分，“{view.result.level.name}”）。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ reviewedOn: dayjs(), reviewerScore: view.result.totalPoints, reviewerLevel: view.result.level.name }}>
        <Form.Item name="reviewedOn" label="审核日期" rules={[{ required: true, message: '请选择审核日期' }]}>
          <DatePicker format={DATE_INPUT_FORMATS} allowClear={false} />
        </Form.Item>
        <Form.Item name="reviewerScore" label="审核得分" rules={[{ required: true, message: '请填写审核得分' }]}>
          <InputNumber min={0} max={1000} step={0.5} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="reviewerLevel" label="审核等级">
          <Select allowClear options={view.levels.map((level) => ({ value: level.name, label: level.name }))} placeholder="选择等级" />
        </Form.Item>
        <Form.Item name="reviewComment" label="审核意见">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
