import { BookOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, Popover, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { DATE_INPUT_FORMATS } from '../../lib/forms';
import { formatChineseDate } from '../../../../shared/domain/dates';
import type { AttendanceEntry } from './AttendancePanel';

/** Usual ways an absent member catches up; free text is allowed too. */
const MAKEUP_METHODS = ['个别传达', '集中补学', '发放学习材料自学', '线上学习', '观看会议录像'];

type Makeup = Pick<AttendanceEntry, 'makeupOn' | 'makeupBy' | 'makeupMethod'>;

interface Props {
  name: string;
  entry: AttendanceEntry;
  heldOn: string | null;
  onChange: (makeup: Makeup) => void;
}

/**
 * 补学 for someone who missed the meeting (DOMAIN §4): when, who relayed it and how. Shown as a tag
 * once recorded; the popover keeps the attendance grid compact.
 */
export function MakeupPopover({ name, entry, heldOn, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Makeup>({});
  const recorded = Boolean(entry.makeupOn || entry.makeupMethod || entry.makeupBy);

  const start = (next: boolean) => {
    if (next) setDraft({ makeupOn: entry.makeupOn ?? null, makeupBy: entry.makeupBy ?? null, makeupMethod: entry.makeupMethod ?? null });
    setOpen(next);
  };
  const confirm = () => {
    onChange({ makeupOn: draft.makeupOn ?? null, makeupBy: draft.makeupBy?.trim() || null, makeupMethod: draft.makeupMethod?.trim() || null });
    setOpen(false);
  };
  const clear = () => {
    onChange({ makeupOn: null, makeupBy: null, makeupMethod: null });
    setOpen(false);
  };

  const content = (
    <Form layout="vertical" style={{ width: 260 }} onFinish={confirm} aria-label={`${name}的补学情况`}>
      <Form.Item label="补学日期" style={{ marginBottom: 8 }}>
        <DatePicker
          aria-label={`${name}的补学日期`}
          format={DATE_INPUT_FORMATS}
          style={{ width: '100%' }}
          value={draft.makeupOn ? dayjs(draft.makeupOn) : null}
          disabledDate={(day) => (heldOn ? day.isBefore(dayjs(heldOn), 'day') : false) || day.isAfter(dayjs(), 'day')}
          onChange={(day) => setDraft({ ...draft, makeupOn: day ? day.format('YYYY-MM-DD') : null })}
        />
      </Form.Item>
      <Form.Item label="补学方式" style={{ marginBottom: 8 }}>
        <AutoComplete
          aria-label={`${name}的补学方式`}
          options={MAKEUP_METHODS.map((value) => ({ value }))}
          value={draft.makeupMethod ?? ''}
          maxLength={100}
          placeholder="如 个别传达"
          onChange={(value) => setDraft({ ...draft, makeupMethod: value })}
        />
      </Form.Item>
      <Form.Item label="传达人" style={{ marginBottom: 12 }}>
        <Input
          aria-label={`${name}的补学传达人`}
          value={draft.makeupBy ?? ''}
          maxLength={30}
          placeholder="如 支部书记姓名"
          onChange={(event) => setDraft({ ...draft, makeupBy: event.target.value })}
        />
      </Form.Item>
      <Space>
        <Button type="primary" size="small" htmlType="submit">
          确定
        </Button>
        {recorded && (
          <Button size="small" onClick={clear}>
            清除补学
          </Button>
        )}
        <Button size="small" onClick={() => setOpen(false)}>
          取消
        </Button>
      </Space>
    </Form>
  );

  return (
    <Popover trigger="click" open={open} onOpenChange={start} content={content} title={`${name}补学情况`} destroyOnHidden>
      {recorded ? (
        <Tag color="green" style={{ cursor: 'pointer' }} icon={<BookOutlined />} title={entry.makeupOn ? `${formatChineseDate(entry.makeupOn)}${entry.makeupMethod ?? ''}补学${entry.makeupBy ? `，${entry.makeupBy}传达` : ''}` : undefined}>
          {entry.makeupOn ? `已补学 ${dayjs(entry.makeupOn).format('M月D日')}` : '已补学'}
        </Tag>
      ) : (
        <Button size="small" type="link" icon={<BookOutlined />} style={{ padding: 0 }}>
          登记补学
        </Button>
      )}
    </Popover>
  );
}
