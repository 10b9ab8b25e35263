import { LockOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { RpcError } from '../../api/client';
import { useUnlock } from '../../api/privacy';

/** What to do when the password is forgotten; said plainly, here and in 设置. */
export const FORGOTTEN_PASSWORD_TEXT =
  '本软件没有找回或重置应用密码的办法，也没有后门。忘记密码时，只能在另一个数据文件夹（或另一台电脑）中，' +
  '用交接包（及其密码）或备份文件恢复数据后继续使用。请把应用密码记在安全的地方。';

/** Shown instead of everything else while the core is locked: no names, no numbers, no branch. */
export function LockScreen({ retryAfterSeconds }: { retryAfterSeconds: number | null }) {
  const unlock = useUnlock();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(retryAfterSeconds ? `密码已多次输错，请 ${retryAfterSeconds} 秒后再试` : null);

  const submit = async () => {
    if (!password) {
      setError('请输入应用密码');
      return;
    }
    try {
      await unlock.mutateAsync({ password });
      setPassword('');
    } catch (caught) {
      setPassword('');
      setError(caught instanceof RpcError ? (caught.details[0]?.message ?? caught.message) : (caught as Error).message);
    }
  };

  return (
    <div className="lock-screen" role="main">
      <Card className="lock-card">
        <div className="lock-mark" aria-hidden>
          <LockOutlined />
        </div>
        <Typography.Title level={4} className="lock-title">
          支部台账已锁定
        </Typography.Title>
        <div className="lock-subtitle">为保护党员个人信息，请输入应用密码解锁。</div>
        <Form layout="vertical" onFinish={submit}>
          <Form.Item label="应用密码" htmlFor="lock-password" validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
            <Input.Password
              id="lock-password"
              autoFocus
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                if (error) setError(null);
              }}
              autoComplete="current-password"
              placeholder="输入后按 Enter 解锁"
              size="large"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={unlock.isPending}>
            解锁
          </Button>
        </Form>
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 12 }}
          items={[{ key: 'forgot', label: '忘记密码怎么办？', children: <div className="lock-forgot">{FORGOTTEN_PASSWORD_TEXT}</div> }]}
        />
      </Card>
    </div>
  );
}
