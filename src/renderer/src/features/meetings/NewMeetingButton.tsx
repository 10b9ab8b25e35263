import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { MEETING_TYPE_LABELS } from '../../../../shared/domain/meetingTypes';
import { useMeetingStartOptions } from '../../api/meetingTemplates';
import { formatDate } from '../../lib/format';

/** 新建记录 ▾: a blank record, or one started from a type's template or from its last record. */
export function NewMeetingButton() {
  const navigate = useNavigate();
  const options = useMeetingStartOptions();
  const withTemplate = (options.data ?? []).filter((option) => option.template);
  const withLast = (options.data ?? []).filter((option) => option.last);

  const items: MenuProps['items'] = [
    { key: 'blank', label: '空白记录' },
    {
      type: 'group',
      key: 'template',
      label: '按模板新建',
      children: withTemplate.map((option) => ({ key: `template:${option.type}`, label: `${option.template!.name}模板` })),
    },
    ...(withLast.length > 0
      ? [
          {
            type: 'group' as const,
            key: 'last',
            label: '复制上次记录',
            children: withLast.map((option) => ({
              key: `last:${option.type}`,
              label: `${option.template?.name ?? MEETING_TYPE_LABELS[option.type]}（${formatDate(option.last!.heldOn)}）`,
            })),
          },
        ]
      : []),
  ];

  const open = (key: string) => {
    if (key === 'blank') return navigate('/meetings/new');
    const [from, type] = key.split(':');
    navigate(`/meetings/new?start=${from}&type=${type}`);
  };

  return (
    <Space.Compact>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/meetings/new')}>
        新建记录
      </Button>
      <Dropdown menu={{ items, onClick: ({ key }) => open(key) }} trigger={['click']} placement="bottomRight">
        <Button type="primary" icon={<DownOutlined />} aria-label="按模板或复制上次新建" title="按模板或复制上次新建" />
      </Dropdown>
    </Space.Compact>
  );
}
