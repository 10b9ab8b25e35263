import { EyeOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Col, DatePicker, Drawer, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { memberFields, type MemberInput, type SensitiveField } from '../../../../shared/contract/members';
import { todayIso } from '../../../../shared/domain/dates';
import { findIdNumberProblem, idNumberFacts } from '../../../../shared/domain/idNumber';
import {
  COMMON_ETHNICITIES,
  EDUCATION_LEVELS,
  GENDER_LABELS,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_CATEGORY_LABELS,
  PERSON_CATEGORIES,
} from '../../../../shared/domain/member';
import { useCreateMember, useGroups, useMember, useRevealSensitive, useUpdateMember } from '../../api/members';
import { DATE_INPUT_FORMATS, isoDateItemProps, showServerProblems, zodRule } from '../../lib/forms';

interface Props {
  /** A member's id, 'new' for a blank form, null when closed. */
  editing: number | 'new' | null;
  onClose: () => void;
  /** After 保存并继续新增 (new members only). */
  onCreateAnother?: () => void;
}

/** An edit may also move the member to another 党小组 from a given day. */
type MemberFormValues = MemberInput & { groupChangedOn?: string | null };

// No default sex: it comes from the ID number or the secretary's choice, never an assumption.
const EMPTY: Partial<MemberInput> = { ethnicity: '汉族', category: 'full' };

export function MemberFormDrawer({ editing, onClose, onCreateAnother }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const memberId = typeof editing === 'number' ? editing : null;
  const member = useMember(memberId);
  const groups = useGroups();
  const create = useCreateMember();
  const update = useUpdateMember();
  const saving = create.isPending || update.isPending;
  const reveal = useRevealSensitive();
  // The stored 公民身份号码/联系电话 are not in the form until 显示并修改 fetches them; a number
  // never revealed is left out of the save, so the masked text can never replace the real one.
  const [revealed, setRevealed] = useState<Partial<Record<SensitiveField, string | null>>>({});
  // Closing the drawer or opening another member forgets what was revealed.
  const [revealedFor, setRevealedFor] = useState(editing);
  if (revealedFor !== editing) {
    setRevealedFor(editing);
    setRevealed({});
  }
  const maskedOf = (field: SensitiveField) => {
    if (memberId === null || !member.data || field in revealed) return null;
    return field === 'idNumber' ? member.data.idNumberMasked : member.data.phoneMasked;
  };
  const revealForEditing = async (field: SensitiveField) => {
    try {
      const { value } = await reveal.mutateAsync({ id: memberId!, field });
      setRevealed((current) => ({ ...current, [field]: value }));
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  // Changing the 党小组 of an existing member asks from when; a new member is in it from the start.
  const chosenGroup = Form.useWatch('partyGroupId', form) as number | null | undefined;
  const groupChanging = memberId !== null && member.data !== undefined && (chosenGroup ?? null) !== member.data.partyGroupId;

  useEffect(() => {
    if (editing === 'new') {
      form.resetFields();
      form.setFieldsValue(EMPTY);
    } else if (member.data && member.data.id === memberId) {
      form.resetFields();
      form.setFieldsValue(member.data);
    }
  }, [editing, member.data, memberId, form]);

  // Nothing typed twice: a valid ID number fills in birth date and sex when they are empty.
  const onValuesChange = (changed: Partial<MemberInput>) => {
    if (typeof changed.idNumber === 'string') {
      const facts = idNumberFacts(changed.idNumber);
      if (facts) {
        if (!form.getFieldValue('birthDate')) form.setFieldValue('birthDate', facts.birthDate);
        form.setFieldValue('gender', facts.gender);
        void form.validateFields(['birthDate']);
      }
    }
    if (changed.confirmedOn) form.setFieldValue('category', 'full');
  };

  const save = async ({ groupChangedOn, ...values }: MemberFormValues, another: boolean) => {
    try {
      const payload = { ...EMPTY, ...values };
      const saved =
        memberId === null
          ? await create.mutateAsync(payload)
          : await update.mutateAsync({ ...payload, id: memberId, version: member.data!.version, ...(groupChanging ? { groupChangedOn } : {}) });
      message.success(`已保存：${saved.name}`);
      if (another) {
        form.resetFields();
        form.setFieldsValue(EMPTY);
        onCreateAnother?.();
      } else {
        onClose();
      }
    } catch (error) {
      if (!showServerProblems(form, error)) message.error((error as Error).message);
    }
  };

  const submit = async (another: boolean) => {
    try {
      await save(await form.validateFields(), another);
    } catch {
      // validateFields marks the fields in the form; nothing more to say.
    }
  };

  const genderMatchesId = {
    warningOnly: true,
    validator: async (_rule: unknown, value: string | null) => {
      const idNumber = form.getFieldValue('idNumber') as string | null;
      const facts = idNumber && !findIdNumberProblem(idNumber) ? idNumberFacts(idNumber) : null;
      if (facts && value && facts.gender !== value) throw new Error(`与公民身份号码中的性别（${facts.gender === 'male' ? '男' : '女'}）不一致，请核对`);
    },
  };

  const birthDateMatchesId = {
    warningOnly: true,
    validator: async (_rule: unknown, value: string | null) => {
      const idNumber = form.getFieldValue('idNumber') as string | null;
      const facts = idNumber && !findIdNumberProblem(idNumber) ? idNumberFacts(idNumber) : null;
      if (facts && value && facts.birthDate !== value) throw new Error(`与公民身份号码中的出生日期（${facts.birthDate}）不一致，请核对`);
    },
  };

  return (
    <Drawer
      title={memberId === null ? '新增党员' : '编辑党员信息'}
      open={editing !== null}
      onClose={onClose}
      size={720}
      destroyOnHidden
      loading={memberId !== null && member.isPending}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          {memberId === null && (
            <Button onClick={() => submit(true)} loading={saving}>
              保存并继续新增
            </Button>
          )}
          <Button type="primary" onClick={() => submit(false)} loading={saving}>
            保存
          </Button>
        </Space>
      }
    >
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        onValuesChange={onValuesChange}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(false);
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="姓名" name="name" required rules={[zodRule(memberFields.name)]}>
              <Input autoFocus maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {maskedOf('idNumber') ? (
              <MaskedField label="公民身份号码" masked={maskedOf('idNumber')!} loading={reveal.isPending} onReveal={() => revealForEditing('idNumber')} />
            ) : (
              <Form.Item label="公民身份号码" name="idNumber" initialValue={revealed.idNumber} rules={[zodRule(memberFields.idNumber)]} validateTrigger="onBlur">
                <Input maxLength={18} placeholder="18位，填写后自动带出出生日期和性别" />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item label="性别" name="gender" required rules={[{ required: true, message: '请选择性别（填写公民身份号码后会自动选择）' }, genderMatchesId]}>
              <Radio.Group options={GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="民族" name="ethnicity" rules={[zodRule(memberFields.ethnicity)]}>
              <AutoComplete options={COMMON_ETHNICITIES.map((value) => ({ value }))} maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="出生日期" name="birthDate" rules={[birthDateMatchesId]} {...isoDateItemProps}>
              <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="籍贯" name="nativePlace" rules={[zodRule(memberFields.nativePlace)]}>
              <Input maxLength={30} placeholder="如：浙江金华" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="学历" name="education" rules={[zodRule(memberFields.education)]}>
              <AutoComplete options={EDUCATION_LEVELS.map((value) => ({ value }))} maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="学位" name="degree" rules={[zodRule(memberFields.degree)]}>
              <AutoComplete options={['博士', '硕士', '学士'].map((value) => ({ value }))} maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="参加工作时间" name="workStartedOn" {...isoDateItemProps}>
              <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="人员类别" name="personCategory" rules={[zodRule(memberFields.personCategory)]}>
              <AutoComplete options={PERSON_CATEGORIES.map((value) => ({ value }))} maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="工作单位及职务" name="workplace" rules={[zodRule(memberFields.workplace)]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="入党时间" name="admittedOn" extra="支部大会通过接收为预备党员的日期" {...isoDateItemProps}>
              <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="转正时间" name="confirmedOn" extra="已转正的必须填写；预备党员不填" {...isoDateItemProps}>
              <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="党员类别" name="category" required>
              <Radio.Group optionType="button" options={MEMBER_CATEGORIES.map((value) => ({ value, label: MEMBER_CATEGORY_LABELS[value] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="所在党小组" name="partyGroupId">
              <Select
                allowClear
                placeholder={groups.data?.length ? '请选择' : '本支部未设党小组'}
                options={(groups.data ?? []).map((group) => ({ value: group.id, label: group.name }))}
              />
            </Form.Item>
          </Col>
          {groupChanging && (
            <Col span={12}>
              <Form.Item label="党小组调整日期" name="groupChangedOn" initialValue={todayIso()} extra="自这一天起编入新的党小组" {...isoDateItemProps}>
                <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            {maskedOf('phone') ? (
              <MaskedField label="联系电话" masked={maskedOf('phone')!} loading={reveal.isPending} onReveal={() => revealForEditing('phone')} />
            ) : (
              <Form.Item label="联系电话" name="phone" initialValue={revealed.phone} rules={[zodRule(memberFields.phone)]}>
                <Input maxLength={30} />
              </Form.Item>
            )}
          </Col>
          <Col span={24}>
            <Form.Item label="备注" name="note" rules={[zodRule(memberFields.note)]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

/** A stored number shown masked and read-only; 显示并修改 puts the full number into the form. */
function MaskedField({ label, masked, loading, onReveal }: { label: string; masked: string; loading: boolean; onReveal: () => void }) {
  return (
    <Form.Item label={label} extra="已隐去部分数字；不改就保持原号码。">
      <Space.Compact style={{ width: '100%' }}>
        <Input value={masked} readOnly variant="filled" aria-label={`${label}（已隐去部分数字）`} className="sensitive-masked-input" />
        <Button icon={<EyeOutlined />} loading={loading} onClick={onReveal} aria-label={`显示并修改${label}`}>
          显示并修改
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}
