import { LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  APP_PASSWORD_MAX_LENGTH,
  APP_PASSWORD_MIN_LENGTH,
  DEFAULT_IDLE_MINUTES,
  IDLE_MINUTES_MAX,
  IDLE_MINUTES_MIN,
} from '../../../../shared/contract/privacy';
import { useLockNow, usePrivacyStatus, useRemoveAppPassword, useSetAppPassword, useSetIdleMinutes } from '../../api/privacy';
import { showServerProblems } from '../../lib/forms';
import { FORGOTTEN_PASSWORD_TEXT } from '../privacy/LockScreen';
import '../privacy/privacy.css';

interface PasswordValues {
  currentPassword?: string;
  newPassword: string;
  repeat: string;
  idleMinutes?: number;
}

const newPasswordRules = [
  { required: true, message: '请输入新密码' },
  { min: APP_PASSWORD_MIN_LENGTH, message: `至少${APP_PASSWORD_MIN_LENGTH}个字符` },
  { max: APP_PASSWORD_MAX_LENGTH, message: `不能超过${APP_PASSWORD_MAX_LENGTH}个字符` },
];

const repeatRules = [
  { required: true, message: '请再输入一次新密码' },
  ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: async (_rule: unknown, value: string) => {
      if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
    },
  }),
];

const idleMinutesInput = <InputNumber min={IDLE_MINUTES_MIN} max={IDLE_MINUTES_MAX} precision={0} suffix="分钟" style={{ width: 140 }} />;

/** 设置 → 隐私与密码: what is masked, and the optional app password with its idle lock. */
export function PrivacySection() {
  const { message } = App.useApp();
  const status = usePrivacyStatus();
  const [mode, setMode] = useState<'change' | 'remove' | null>(null);
  const setPassword = useSetAppPassword();
  const lockNow = useLockNow();
  const setIdle = useSetIdleMinutes();
  const [firstForm] = Form.useForm<PasswordValues>();
  const [idleForm] = Form.useForm<{ idleMinutes: number }>();

  const savePassword = async (form: typeof firstForm, done: string) => {
    let values: PasswordValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      await setPassword.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword, idleMinutes: values.idleMinutes });
      form.resetFields();
      setMode(null);
      message.success(done);
    } catch (error) {
      if (!showServerProblems(form, error)) message.error((error as Error).message);
    }
  };

  const saveIdle = async ({ idleMinutes }: { idleMinutes: number }) => {
    try {
      await setIdle.mutateAsync({ idleMinutes });
      message.success(`已保存：${idleMinutes} 分钟无操作后自动锁定`);
    } catch (error) {
      if (!showServerProblems(idleForm, error)) message.error((error as Error).message);
    }
  };

  const data = status.data;
  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          隐私与密码
        </Space>
      }
      loading={status.isPending}
    >
      <Typography.Paragraph className="privacy-facts">
        花名册、党员详情和导出的表格中，公民身份号码和联系电话默认只显示部分数字（如 330702********1015、138****5678）。
        确有需要时，在党员详情页点“显示”查看完整号码；导出花名册时可另选“包含完整身份证号和手机号”。
      </Typography.Paragraph>

      {data && !data.passwordSet && (
        <>
          <div className="privacy-row">
            <span className="privacy-row-label">应用密码</span>
            <Tag>未设置</Tag>
            <span style={{ color: 'rgba(0,0,0,0.55)' }}>设置后，每次启动和一段时间无操作后须输入密码才能查看数据。</span>
          </div>
          <Form<PasswordValues>
            form={firstForm}
            layout="inline"
            className="privacy-set-form"
            initialValues={{ idleMinutes: data.idleMinutes ?? DEFAULT_IDLE_MINUTES }}
            onFinish={() => savePassword(firstForm, '已设置应用密码')}
          >
            <Form.Item name="newPassword" label="新密码" rules={newPasswordRules} style={{ marginBottom: 12 }}>
              <Input.Password autoComplete="new-password" style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="repeat" label="再输入一次" dependencies={['newPassword']} rules={repeatRules} style={{ marginBottom: 12 }}>
              <Input.Password autoComplete="new-password" style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="idleMinutes" label="无操作自动锁定" rules={[{ required: true, message: '请填写分钟数' }]} style={{ marginBottom: 12 }}>
              {idleMinutesInput}
            </Form.Item>
            <Form.Item style={{ marginBottom: 12 }}>
              <Button type="primary" htmlType="submit" icon={<LockOutlined />} loading={setPassword.isPending}>
                设置密码
              </Button>
            </Form.Item>
          </Form>
        </>
      )}

      {data?.passwordSet && (
        <>
          <div className="privacy-row">
            <span className="privacy-row-label">应用密码</span>
            <Tag color="green">已设置</Tag>
            <Button onClick={() => setMode('change')}>修改密码</Button>
            <Button onClick={() => setMode('remove')}>取消密码</Button>
            <Button icon={<LockOutlined />} loading={lockNow.isPending} onClick={() => lockNow.mutate(undefined)}>
              立即锁定
            </Button>
          </div>
          <Form form={idleForm} layout="inline" initialValues={{ idleMinutes: data.idleMinutes }} onFinish={saveIdle} style={{ marginBottom: 12 }}>
            <Form.Item name="idleMinutes" label="无操作自动锁定" rules={[{ required: true, message: '请填写分钟数' }]}>
              {idleMinutesInput}
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" loading={setIdle.isPending}>
                保存
              </Button>
            </Form.Item>
          </Form>
        </>
      )}

      <Alert
        type="info"
        showIcon
        message="应用密码能做什么，不能做什么"
        description={
          <ul style={{ margin: 0, paddingLeft: 18, lineHeight: 1.8 }}>
            <li>防止他人在这台电脑上打开支部台账查看数据：启动时和无操作达到设定时间后锁定，锁定时什么数据都不显示。</li>
            <li>密码只以加盐的慢速散列（scrypt）保存在数据文件夹中，不保存密码本身；连续输错后须等待几秒到一分钟再试。</li>
            <li>它不加密数据文件本身，能拿到数据文件的人仍可用其他工具读取：请同时保管好电脑和备份。</li>
            <li>应用密码只属于这台电脑上的这份数据，不随备份和交接包带走；新书记在新电脑上可自行设置。</li>
            <li>忘记密码：{FORGOTTEN_PASSWORD_TEXT}</li>
          </ul>
        }
      />

      <ChangePasswordModal open={mode === 'change'} onClose={() => setMode(null)} onSave={(form) => savePassword(form, '已修改应用密码')} saving={setPassword.isPending} />
      <RemovePasswordModal open={mode === 'remove'} onClose={() => setMode(null)} />
    </Card>
  );
}

function ChangePasswordModal({ open, onClose, onSave, saving }: { open: boolean; onClose: () => void; onSave: (form: ReturnType<typeof Form.useForm<PasswordValues>>[0]) => void; saving: boolean }) {
  const [form] = Form.useForm<PasswordValues>();
  return (
    <Modal title="修改应用密码" open={open} onCancel={onClose} onOk={() => onSave(form)} okText="保存新密码" cancelText="取消" confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} onFinish={() => onSave(form)}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" rules={newPasswordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="repeat" label="再输入一次新密码" dependencies={['newPassword']} rules={repeatRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

function RemovePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ currentPassword: string }>();
  const remove = useRemoveAppPassword();
  const submit = async () => {
    let values: { currentPassword: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      await remove.mutateAsync(values);
      message.success('已取消应用密码，启动时不再要求输入密码');
      onClose();
    } catch (error) {
      if (!showServerProblems(form, error)) message.error((error as Error).message);
    }
  };
  return (
    <Modal title="取消应用密码" open={open} onCancel={onClose} onOk={submit} okText="取消密码" okButtonProps={{ danger: true }} cancelText="返回" confirmLoading={remove.isPending} destroyOnHidden>
      <Typography.Paragraph>取消后，任何人在这台电脑上打开支部台账都能直接看到全部数据。</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
