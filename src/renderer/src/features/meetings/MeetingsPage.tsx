import { Button, Empty, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { MeetingListItem } from '../../../../shared/contract/meetings';
import { daysBetween, todayIso } from '../../../../shared/domain/dates';
import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType } from '../../../../shared/domain/meetingTypes';
import { useMeetings } from '../../api/meetings';
import { useGroupList } from '../../api/organization';
import { formatDate, orDash } from '../../lib/format';
import { AttachmentCount } from './AttachmentsCard';
import { MeetingTypeTags } from './MeetingTypeTags';
import { NewMeetingButton } from './NewMeetingButton';

/** The years offered as one click each: this year and the four before it. */
const YEARS_SHOWN = 5;

/** 组织生活 (#/meetings): the meeting records of one year, with 应到/实到 and whether each was valid. */
export function MeetingsPage() {
  const navigate = useNavigate();
  const currentYear = Number(todayIso().slice(0, 4));
  // Year and type live in the address, so 返回列表 from a record comes back to the same view.
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || currentYear;
  const typeParam = params.get('type');
  const type = MEETING_TYPES.includes(typeParam as MeetingType) ? (typeParam as MeetingType) : undefined;
  const setFilter = (next: { year?: number; type?: MeetingType }) => {
    const merged = { year, type, ...next };
    const search = new URLSearchParams();
    if (merged.year !== currentYear) search.set('year', String(merged.year));
    if (merged.type) search.set('type', merged.type);
    setParams(search, { replace: true });
  };

  const meetings = useMeetings({ year, type });
  const groups = useGroupList(true);
  const groupNames = useMemo(() => new Map((groups.data ?? []).map((group) => [group.id, group.name])), [groups.data]);
  const rows = meetings.data ?? [];
  const invalid = rows.filter((row) => row.valid === false).length;
  const years = Array.from({ length: YEARS_SHOWN }, (_value, index) => currentYear - index);
  if (!years.includes(year)) years.push(year);

  const columns: ColumnsType<MeetingListItem> = [
    { title: '召开日期', dataIndex: 'heldOn', width: 132, render: formatDate },
    {
      title: '类型',
      dataIndex: 'types',
      width: 220,
      render: (types: MeetingType[], row) => <MeetingTypeTags types={types} groupName={row.partyGroupId ? groupNames.get(row.partyGroupId) : undefined} />,
    },
    {
      title: '主题',
      dataIndex: 'topic',
      ellipsis: { showTitle: true },
      render: (topic: string, row) => (
        <span style={{ display: 'flex', alignItems: 'center', minWidth: 0 }}>
          <Link to={`/meetings/${row.id}`} onClick={(event) => event.stopPropagation()} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {topic}
          </Link>
          <AttachmentCount count={row.attachmentCount} />
        </span>
      ),
    },
    { title: '主持人', dataIndex: 'hostName', width: 88, render: orDash },
    {
      title: '应到/实到',
      key: 'attendance',
      width: 96,
      align: 'center',
      render: (_value, row) => (row.expected === 0 ? '—' : `${row.expected}/${row.present}`),
    },
    {
      title: '有效性',
      dataIndex: 'valid',
      width: 124,
      render: (valid: boolean | null) =>
        valid === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : valid ? (
          <Typography.Text type="success">有效</Typography.Text>
        ) : (
          <Typography.Text type="danger" strong>
            未达法定人数
          </Typography.Text>
        ),
    },
    {
      title: '记录日期',
      dataIndex: 'recordedOn',
      width: 200,
      render: (recordedOn: string, row) => {
        const lag = daysBetween(row.heldOn, recordedOn);
        return (
          <Space size={6}>
            <span>{formatDate(recordedOn)}</span>
            {lag > 0 && (
              <Tooltip title={`会后 ${lag} 天补记`}>
                <Tag color={lag > 7 ? 'orange' : 'default'}>补记 {lag} 天</Tag>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
  ];

  const emptyText =
    type !== undefined ? (
      `${year}年没有${MEETING_TYPE_LABELS[type]}记录`
    ) : (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Space orientation="vertical" size={4}>
            <span>{year}年还没有会议记录。</span>
            {year === currentYear && (
              <Button type="link" onClick={() => setFilter({ year: currentYear - 1 })}>
                查看{currentYear - 1}年的记录
              </Button>
            )}
          </Space>
        }
      />
    );

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={4}>组织生活</Typography.Title>
        <Space>
          <Button onClick={() => navigate(`/meetings/talks?year=${year}`)}>谈心谈话覆盖情况</Button>
          <NewMeetingButton />
        </Space>
      </div>
      <Space style={{ marginBottom: 12 }} wrap size={12}>
        <Segmented<number>
          aria-label="年度"
          value={year}
          onChange={(value) => setFilter({ year: value })}
          options={years.map((value) => ({ value, label: `${value}年` }))}
        />
        <Select<MeetingType>
          allowClear
          placeholder="全部会议类型"
          aria-label="会议类型"
          style={{ width: 180 }}
          value={type}
          onChange={(value) => setFilter({ type: value })}
          options={MEETING_TYPES.map((value) => ({ value, label: MEETING_TYPE_LABELS[value] }))}
        />
      </Space>
      <div style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {`${year}年${type ? MEETING_TYPE_LABELS[type] : '组织生活'}记录共 ${rows.length} 条`}
          {invalid > 0 && `，其中 ${invalid} 条未达法定人数`}
        </Typography.Text>
      </div>
      <Table<MeetingListItem>
        rowKey="id"
        size="middle"
        bordered
        loading={meetings.isPending}
        columns={columns}
        dataSource={rows}
        rowClassName="clickable-row"
        onRow={(row) => ({ onClick: () => navigate(`/meetings/${row.id}`) })}
        // A year holds some 60–80 records; one list read by month beats paging.
        pagination={false}
        locale={{ emptyText }}
      />
      {meetings.isError && <Typography.Text type="danger">{meetings.error.message}</Typography.Text>}
    </div>
  );
}
