import { Tag } from 'antd';
import type { RubricStatus } from '../../../../shared/domain/rubricTemplate';

/** 官方 in red (the table from the superior committee), 参考 in grey (written by the app, not official). */
export function StatusTag({ status }: { status: RubricStatus }) {
  return <Tag color={status === '官方' ? 'red' : 'default'}>{status}</Tag>;
}
