import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { branchUpdateInput, type Branch, type BranchUpdateInput } from '../../../shared/contract/branch';
import { BRANCH_KIND_LABELS, BRANCH_KINDS } from '../../../shared/domain/branch';
import { useUpdateBranch } from '../api/branch';
import { DATE_INPUT_FORMATS, isoDateItemProps, showServerProblems, zodRule } from '../lib/forms';

const fields = branchUpdateInput.shape;

export function BranchEditButton({ branch }: { branch: Branch }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<BranchUpdateInput>();
  const update = useUpdateBranch();

  const save = async (values: BranchUpdateInput) => {
    try {
      await update.mutateAsync(values);
      message.success('支部信息已保存');
      setOpen(false);
    } catch (error) {
      if (!showServerProblems(form, error)) message.error((error as Error).message);
    }
  };

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>编辑</Button>
      <Modal
        title="编辑支部信息"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="保存"
        confirmLoading={update.isPending}
        destroyOnHidden
      >
        <Form<BranchUpdateInput>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            name: branch.name,
            kind: branch.kind,
            parentOrg: branch.parentOrg,
            foundedOn: branch.foundedOn,
            contactPerson: branch.contactPerson,
            contactPhone: branch.contactPhone,
          }}
          onFinish={save}
        >
          <Form.Item label="支部名称" name="name" required rules={[zodRule(fields.name)]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label="支部类型" name="kind" required>
            <Select options={BRANCH_KINDS.map((value) => ({ value, label: BRANCH_KIND_LABELS[value] }))} />
          </Form.Item>
          <Form.Item label="上级党组织" name="parentOrg" rules={[zodRule(fields.parentOrg)]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label="成立日期" name="foundedOn" {...isoDateItemProps}>
            <DatePicker format={DATE_INPUT_FORMATS} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="联系人" name="contactPerson" rules={[zodRule(fields.contactPerson)]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item label="联系电话" name="contactPhone" rules={[zodRule(fields.contactPhone)]}>
            <Input maxLength={30} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
