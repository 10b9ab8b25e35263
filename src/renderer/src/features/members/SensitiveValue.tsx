import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { SensitiveField } from '../../../../shared/contract/members';
import { useRevealSensitive } from '../../api/members';

export const SENSITIVE_LABELS: Record<SensitiveField, string> = { idNumber: '公民身份号码', phone: '联系电话' };

/**
 * A masked number with a 显示 (eye) button: the full value is fetched only when asked for, held
 * in this component alone, and dropped again by 隐藏 or by leaving the page.
 */
export function SensitiveValue({ memberId, field, masked }: { memberId: number; field: SensitiveField; masked: string | null }) {
  const { message } = App.useApp();
  const reveal = useRevealSensitive();
  const [full, setFull] = useState<string | null>(null);
  if (!masked) return <>—</>;

  const toggle = async () => {
    if (full !== null) {
      setFull(null);
      return;
    }
    try {
      setFull((await reveal.mutateAsync({ id: memberId, field })).value ?? '');
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const shown = full !== null;
  return (
    <Space size={4}>
      <span className="sensitive-value" data-field={field}>
        {shown ? full : masked}
      </span>
      <Tooltip title={shown ? '重新隐去部分数字' : `显示完整${SENSITIVE_LABELS[field]}（请确认周围无他人）`}>
        <Button
          type="link"
          size="small"
          className="link-cell"
          icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          loading={reveal.isPending}
          onClick={toggle}
          aria-label={`${shown ? '隐藏' : '显示'}${SENSITIVE_LABELS[field]}`}
        >
          {shown ? '隐藏' : '显示'}
        </Button>
      </Tooltip>
    </Space>
  );
}
