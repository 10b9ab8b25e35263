import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { SensitiveField } from '../../../../shared/contract/members';
import { useRevealSensitive } from '../../api/members';

export const SENSITIVE_LABELS: Record<SensitiveField, string> = { idNumber: '公民身份号码', phone: '联系电话' };

/**
 * The full numbers a secretary asked to see on one member's page. Kept by the page (not by each
 * value, which responsive layouts may remount) and only for that member; never cached elsewhere.
 */
export function useRevealed(memberId: number) {
  const { message } = App.useApp();
  const reveal = useRevealSensitive();
  const [shown, setShown] = useState<{ memberId: number; values: Partial<Record<SensitiveField, string>> }>({ memberId, values: {} });
  const values = shown.memberId === memberId ? shown.values : {};

  const toggle = async (field: SensitiveField) => {
    if (values[field] !== undefined) {
      const { [field]: _hidden, ...rest } = values;
      setShown({ memberId, values: rest });
      return;
    }
    try {
      const { value } = await reveal.mutateAsync({ id: memberId, field });
      setShown((current) => ({ memberId, values: { ...(current.memberId === memberId ? current.values : {}), [field]: value ?? '' } }));
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return { values, toggle, pending: reveal.isPending };
}

/** A masked number with a 显示 (eye) button that fetches the full value on request; 隐藏 drops it. */
export function SensitiveValue({
  field,
  masked,
  revealed,
}: {
  field: SensitiveField;
  masked: string | null;
  revealed: ReturnType<typeof useRevealed>;
}) {
  if (!masked) return <>—</>;
  const full = revealed.values[field];
  const shown = full !== undefined;
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
          loading={revealed.pending}
          onClick={() => void revealed.toggle(field)}
          aria-label={`${shown ? '隐藏' : '显示'}${SENSITIVE_LABELS[field]}`}
        >
          {shown ? '隐藏' : '显示'}
        </Button>
      </Tooltip>
    </Space>
  );
}
