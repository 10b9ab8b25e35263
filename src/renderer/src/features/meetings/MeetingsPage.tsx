import { Button, Empty, Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography, type InputRef } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { MeetingListItem } from '../../../../shared/contract/meetings';
import { daysBetween, todayIso } from '../../../../shared/domain/dates';
import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType } from '../../../../shared/domain/meetingTypes';
import { MAX_SEARCH_LENGTH, searchWords } from '../../../../shared/domain/textSearch';
import { useMeetings } from '../../api/meetings';
import { useGroupList } from '../../api/organization';
import { formatDate, orDash } from '../../lib/format';
import { AttachmentCount } from './AttachmentsCard';
import { Highlight } from './Highlight';
import { useMeetingFilters, type YearFilter } from './meetingFilters';
import { MeetingTypeTags } from './MeetingTypeTags';
import { MemberFilterSelect } from './MemberFilterSelect';
import { NewMeetingButton } from './NewMeetingButton';

/** The years offered as one click each: this year and the four before it. */
const YEARS_SHOWN = 5;
/** Typing pauses this long before the search runs (Enter runs it at once). */
const SEARCH_DELAY_MS = 300;
/** A year holds some 60–80 records, read as one list; a search over all years may find hundreds. */
const PAGE_SIZE = 50;

/**
 * 组织生活 (#/meetings): the meeting records of one year (or all), with 应到/实到 and whether each was
 * valid; full-text search over what was said and decided, with filters by type, 党小组 and person.
 */
export function MeetingsPage() {
  const navigate = useNavigate();
  // The editor's 返回列表 comes back to this very view (year, filters, search).
  const location = useLocation();
  const listUrl = `${location.pathname}${location.search}`;
  const currentYear = Number(todayIso().slice(0, 4));
  const { filters, setFilters } = useMeetingFilters(currentYear);
  const { year, type, partyGroupId, memberId, query } = filters;

  // The box follows the address (back/forward, 清除) and runs a search when typing pauses.
  const [search, setSearch] = useState(query);
  const [syncedQuery, setSyncedQuery] = useState(query);
  if (syncedQuery !== query) {
    setSyncedQuery(query);
    setSearch(query);
  }
  const runSearch = (text: string) => {
    if (text.trim() === query.trim()) return;
    // The box already shows this text; do not reset it (and lose what is typed meanwhile) when the address catches up.
    setSyncedQuery(text.trim());
    setFilters({ query: text.trim() });
  };
  const runSearchLater = useEffectEvent(runSearch);
  useEffect(() => {
    if (search.trim() === query.trim()) return undefined;
    const timer = setTimeout(() => runSearchLater(search), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, query]);

  // / or Ctrl+F puts the cursor in the search box.
  const searchBox = useRef<InputRef>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && (event.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(event.target.tagName));
      if ((event.key === '/' && !typing && !event.ctrlKey && !event.metaKey) || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f')) {
        event.preventDefault();
        searchBox.current?.focus({ cursor: 'all' });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const words = useMemo(() => searchWords(query), [query]);
  const meetings = useMeetings({
    year: year === 'all' ? undefined : year,
    type,
    partyGroupId,
    memberId,
    query: query.trim() || undefined,
  });
  const groups = useGroupList(true);
  const groupNames = useMemo(() => new Map((groups.data ?? []).map((group) => [group.id, group.name])), [groups.data]);
  const rows = meetings.data ?? [];
  const invalid = rows.filter((row) => row.valid === false).length;
  const years: YearFilter[] = Array.from({ length: YEARS_SHOWN }, (_value, index) => currentYear - index);
  if (year !== 'all' && !years.includes(year)) years.push(year);
  years.push('all');
  const yearText = year === 'all' ? '全部年度' : `${year}年`;
  const narrowed = type !== undefined || partyGroupId !== undefined || memberId !== undefined;

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
        <>
          <span style={{ display: 'flex', alignItems: 'center', minWidth: 0 }}>
            <Link to={`/meetings/${row.id}`} state={{ listUrl }} onClick={(event) => event.stopPropagation()} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              <Highlight text={topic} words={words} />
            </Link>
            <AttachmentCount count={row.attachmentCount} />
          </span>
          {row.match && row.match.label !== '主题' && (
            <div className="search-match" data-testid="search-match">
              {row.match.label}：<Highlight text={row.match.text} words={words} />
            </div>
          )}
        </>
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

  const emptyText = query.trim() ? (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <Space orientation="vertical" size={4}>
          <span>{`未找到包含“${query.trim()}”的记录`}</span>
          <Typography.Text type="secondary">{`（${yearText}${narrowed ? '，已按类型、党小组或人员筛选' : ''}）`}</Typography.Text>
          <Space size={4}>
            {year !== 'all' && (
              <Button type="link" onClick={() => setFilters({ year: 'all' })}>
                在全部年度中搜索
              </Button>
            )}
            {narrowed && (
              <Button type="link" onClick={() => setFilters({ type: undefined, partyGroupId: undefined, memberId: undefined })}>
                清除筛选
              </Button>
            )}
          </Space>
        </Space>
      }
    />
  ) : type !== undefined || narrowed ? (
    `${yearText}没有${type ? MEETING_TYPE_LABELS[type] : '符合条件的'}记录`
  ) : (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <Space orientation="vertical" size={4}>
          <span>{`${yearText}还没有会议记录。`}</span>
          {year === currentYear && (
            <Button type="link" onClick={() => setFilters({ year: currentYear - 1 })}>
              查看{currentYear - 1}年的记录
            </Button>
          )}
        </Space>
      }
    />
  );
  const summary = query.trim()
    ? `${yearText}包含“${query.trim()}”的${type ? MEETING_TYPE_LABELS[type] : ''}记录共 ${rows.length} 条`
    : `${yearText}${type ? MEETING_TYPE_LABELS[type] : '组织生活'}记录共 ${rows.length} 条`;

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={4}>组织生活</Typography.Title>
        <Space>
          <Button onClick={() => navigate(`/meetings/talks?year=${year === 'all' ? currentYear : year}`)}>谈心谈话覆盖情况</Button>
          <Button onClick={() => navigate(`/participation?year=${year === 'all' ? currentYear : year}`)}>党员参加情况</Button>
          <Button onClick={() => navigate(`/meetings/plan?year=${year === 'all' ? currentYear : year}`)}>年度计划</Button>
          <NewMeetingButton />
        </Space>
      </div>
      <Space style={{ marginBottom: 12 }} wrap size={12}>
        <Input.Search
          ref={searchBox}
          allowClear
          aria-label="搜索会议记录"
          placeholder="搜索主题、议题、发言、决议…"
          title="按 / 或 Ctrl+F 开始搜索；几个词用空格分开，记录中须都有"
          maxLength={MAX_SEARCH_LENGTH}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(text) => runSearch(text)}
          style={{ width: 320 }}
        />
        <Segmented<YearFilter>
          aria-label="年度"
          value={year}
          onChange={(value) => setFilters({ year: value })}
          options={years.map((value) => ({ value, label: value === 'all' ? '全部年度' : `${value}年` }))}
        />
      </Space>
      <Space style={{ marginBottom: 12 }} wrap size={12}>
        <Select<MeetingType>
          allowClear
          placeholder="全部会议类型"
          aria-label="会议类型"
          style={{ width: 180 }}
          value={type}
          onChange={(value) => setFilters({ type: value })}
          options={MEETING_TYPES.map((value) => ({ value, label: MEETING_TYPE_LABELS[value] }))}
        />
        <Select<number>
          allowClear
          placeholder="全部党小组"
          aria-label="党小组"
          style={{ width: 200 }}
          value={partyGroupId}
          onChange={(value) => setFilters({ partyGroupId: value })}
          options={(groups.data ?? []).map((group) => ({ value: group.id, label: group.dissolvedOn ? `${group.name}（已撤销）` : group.name }))}
        />
        <MemberFilterSelect value={memberId} onChange={(value) => setFilters({ memberId: value })} style={{ width: 160 }} />
      </Space>
      <div style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {summary}
          {invalid > 0 && `，其中 ${invalid} 条未达法定人数`}
        </Typography.Text>
      </div>
      <Table<MeetingListItem>
        rowKey="id"
        size="middle"
        bordered
        loading={meetings.isPending || meetings.isPlaceholderData}
        columns={columns}
        dataSource={rows}
        rowClassName="clickable-row"
        onRow={(row) => ({ onClick: () => navigate(`/meetings/${row.id}`, { state: { listUrl } }) })}
        pagination={rows.length > PAGE_SIZE * 2 ? { pageSize: PAGE_SIZE, showSizeChanger: false, showTotal: (total) => `共 ${total} 条` } : false}
        locale={{ emptyText }}
      />
      {meetings.isError && <Typography.Text type="danger">{meetings.error.message}</Typography.Text>}
    </div>
  );
}
