import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Radio, Result, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { MAX_HANDOVER_UPLOAD_MB, type HandoverCheck, type HandoverExport, type HandoverSource } from '../../../../shared/contract/dataSafety';
import { formatFileSize } from '../../../../shared/domain/attachments';
import { HANDOVER_PASSWORD_MIN, PASSWORD_STRENGTH_LABELS, passwordStrength } from '../../../../shared/domain/dataSafety';
import { useCheckHandover, useExportHandover, useImportHandover } from '../../api/dataSafety';
import { fileToBase64 } from '../../lib/download';
import { RpcError } from '../../api/client';
import { showServerProblems } from '../../lib/forms';
import { countsText, formatTakenAt, reopenPage, restoredText } from './dataSafetyParts';

const STRENGTH_COLORS = { tooShort: '#cf1322', weak: '#d46b08', fair: '#389e0d', strong: '#237804' } as const;

function StrengthHint({ password }: { password: string }) {
  if (!password) return <span className="password-strength">至少 {HANDOVER_PASSWORD_MIN} 位；字母、数字、符号或汉字混用更安全</span>;
  const strength = passwordStrength(password);
  return (
    <span className="password-strength" style={{ color: STRENGTH_COLORS[strength] }} data-testid="password-strength">
      密码强度：{PASSWORD_STRENGTH_LABELS[strength]}
    </span>
  );
}

interface ExportValues {
  password: string;
  confirm: string;
  folder: string;
}

/** 导出交接包: the whole branch in one password-protected file, for the next secretary or a new PC. */
export function ExportHandoverModal({ open, onClose, defaultFolder }: { open: boolean; onClose: () => void; defaultFolder: string }) {
  const [form] = Form.useForm<ExportValues>();
  const exportHandover = useExportHandover();
  const [done, setDone] = useState<HandoverExport | null>(null);
  const password = Form.useWatch('password', form) ?? '';

  const close = () => {
    setDone(null);
    form.resetFields();
    onClose();
  };

  const submit = async (values: ExportValues) => {
    try {
      setDone(await exportHandover.mutateAsync({ password: values.password, folder: values.folder }));
    } catch (error) {
      if (!showServerProblems(form, error)) form.setFields([{ name: 'folder', errors: [(error as Error).message] }]);
    }
  };

  return (
    <Modal
      open={open}
      title="导出交接包"
      width={620}
      onCancel={close}
      maskClosable={false}
      destroyOnHidden
      footer={
        done ? (
          <Button type="primary" onClick={close}>
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>取消</Button>
            <Button type="primary" loading={exportHandover.isPending} onClick={() => form.submit()}>
              导出
            </Button>
          </Space>
        )
      }
    >
      {done ? (
        <Result
          status="success"
          title="交接包已导出"
          subTitle={
            <>
              <div className="data-safety-path">{done.path}</div>
              <div>
                {formatFileSize(done.sizeBytes)}，{countsText(done.counts, done.attachmentFiles)}
              </div>
            </>
          }
          extra={<Alert type="info" showIcon message="请把交接包文件和密码分开交给接任的同志（例如文件用 U 盘，密码当面告知），不要把密码写在 U 盘上。" />}
        />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ folder: defaultFolder, password: '', confirm: '' }} onFinish={submit} requiredMark={false}>
          <Typography.Paragraph type="secondary">
            交接包包含本支部的全部数据（党员、组织生活记录、附件等），用密码加密成一个文件，交给接任的书记或换电脑时使用。没有密码无法打开，密码忘记后也无法找回。
          </Typography.Paragraph>
          <Form.Item
            name="password"
            label="设置密码"
            extra={<StrengthHint password={password} />}
            rules={[
              { required: true, message: '请设置密码' },
              { min: HANDOVER_PASSWORD_MIN, message: `密码至少 ${HANDOVER_PASSWORD_MIN} 位` },
            ]}
          >
            <Input.Password autoFocus autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="再输入一次密码"
            dependencies={['password']}
            rules={[
              { required: true, message: '请再输入一次密码' },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="folder" label="保存到文件夹" extra="可以填 U 盘上的文件夹，如 E:\交接" rules={[{ required: true, message: '请填写保存位置' }]}>
            <Input />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

interface ImportValues {
  how: 'upload' | 'path';
  path: string;
  password: string;
}

/** 导入交接包: check the package with its password, show what it holds, then replace the data with it. */
export function ImportHandoverModal({ open, onClose, empty }: { open: boolean; onClose: () => void; empty: boolean }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<ImportValues>();
  const check = useCheckHandover();
  const importHandover = useImportHandover();
  const [picked, setPicked] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [checked, setChecked] = useState<HandoverCheck | null>(null);
  const how = Form.useWatch('how', form) ?? 'upload';

  const close = () => {
    setPicked(null);
    setChecked(null);
    form.resetFields();
    onClose();
  };

  const sourceOf = (values: ImportValues): HandoverSource | null => {
    if (values.how === 'path') return { kind: 'path', path: values.path ?? '' };
    return picked ? { kind: 'upload', ...picked } : null;
  };

  /** A wrong password shows at the password; anything about the file at the file. */
  const fail = (error: unknown) => {
    const onPassword = error instanceof RpcError && error.details.some((problem) => problem.path === 'password');
    form.setFields([{ name: onPassword ? 'password' : how === 'path' ? 'path' : 'how', errors: [(error as Error).message] }]);
  };

  const submit = async (values: ImportValues) => {
    const source = sourceOf(values);
    if (!source) {
      form.setFields([{ name: 'how', errors: ['请选择交接包文件'] }]);
      return;
    }
    try {
      if (!checked) {
        setChecked(await check.mutateAsync({ source, password: values.password }));
        return;
      }
      const result = await importHandover.mutateAsync({ source, password: values.password });
      close();
      modal.success({ title: '交接包已导入', content: restoredText(result), okButtonProps: { style: { display: 'none' } } });
      reopenPage();
    } catch (error) {
      setChecked(null);
      fail(error);
    }
  };

  const pick = async (file: File) => {
    setChecked(null);
    if (file.size > MAX_HANDOVER_UPLOAD_MB * 1024 * 1024) {
      form.setFields([{ name: 'how', errors: [`文件超过 ${MAX_HANDOVER_UPLOAD_MB} MB，无法经浏览器上传。请改为“填写文件位置”。`] }]);
      return false;
    }
    setPicked({ fileName: file.name, contentBase64: await fileToBase64(file) });
    form.setFields([{ name: 'how', errors: [] }]);
    return false;
  };

  const busy = check.isPending || importHandover.isPending;
  return (
    <Modal
      open={open}
      title="导入交接包"
      width={640}
      onCancel={close}
      maskClosable={false}
      destroyOnHidden
      okText={checked ? (empty ? '导入' : '替换当前数据并导入') : '检查交接包'}
      cancelText="取消"
      okButtonProps={{ loading: busy, danger: checked !== null && !empty, disabled: checked?.tooNew }}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ how: 'upload', path: '', password: '' }}
        onFinish={submit}
        onValuesChange={() => setChecked(null)}
        requiredMark={false}
      >
        <Form.Item name="how" label="交接包文件">
          <Radio.Group>
            <Radio value="upload">选择文件（{MAX_HANDOVER_UPLOAD_MB} MB 以内）</Radio>
            <Radio value="path">填写文件位置（任意大小）</Radio>
          </Radio.Group>
        </Form.Item>
        {how === 'upload' ? (
          <Form.Item>
            <Upload accept=".handover" showUploadList={false} beforeUpload={pick}>
              <Button icon={<UploadOutlined />}>{picked ? `已选择：${picked.fileName}（重新选择）` : '选择交接包文件…'}</Button>
            </Upload>
          </Form.Item>
        ) : (
          <Form.Item name="path" rules={[{ required: true, message: '请填写交接包文件的位置' }]} extra="如 E:\交接\支部台账交接包_….handover">
            <Input aria-label="交接包文件位置" />
          </Form.Item>
        )}
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入交出方告知的密码' }]}>
          <Input.Password autoComplete="off" />
        </Form.Item>
      </Form>
      {checked && (
        <>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
            <Descriptions.Item label="支部">{checked.branchName ?? '（尚未建立支部）'}</Descriptions.Item>
            <Descriptions.Item label="导出时间">{formatTakenAt(checked.takenAt)}</Descriptions.Item>
            <Descriptions.Item label="内容">{countsText(checked.counts, checked.attachmentFiles)}</Descriptions.Item>
            <Descriptions.Item label="文件大小">{formatFileSize(checked.sizeBytes)}</Descriptions.Item>
          </Descriptions>
          {checked.tooNew ? (
            <Alert style={{ marginTop: 12 }} type="error" showIcon message="这个交接包由更新版本的支部台账导出，请先升级软件。" />
          ) : (
            <Alert
              style={{ marginTop: 12 }}
              type={empty ? 'success' : 'warning'}
              showIcon
              message={empty ? '密码正确，交接包完好。点“导入”开始使用这些数据。' : '导入后，本机当前的数据将被交接包中的数据替换。'}
              description={empty ? undefined : '导入前会自动备份本机当前的数据，需要时可以在备份列表中恢复回来。'}
            />
          )}
        </>
      )}
    </Modal>
  );
}
