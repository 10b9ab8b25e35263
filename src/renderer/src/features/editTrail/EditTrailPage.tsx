import { Alert, Breadcrumb, Card, DatePicker, Empty, Input, Pagination, Select, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { EDIT_TRAIL_ENTITY_LABELS, EDIT_TRAIL_ENTITY_TYPES, type EditTrailEntityType, type EditTrailEntry } from '../../../../shared/contract/editTrail';
import { MAX_SEARCH_LENGTH, searchWords } from '../../../../shared/domain/textSearch';
import { useEditTrailList } from '../../api/editTrail';
import { useDebounced } from '../../lib/useDebounced';
import { Highlight } from '../meetings/Highlight';
import { EditTrailEntryView } from './EditTrailEntryView';
import './editTrail.css';

const SEARCH_DELAY_MS = 250;

/** Where a record of the log is opened; deleted records and settings have no page of their own here. */
function recordLink(entry: EditTrailEntry): string | null {
  if (entry.action === 'delete') return null;
  if (entry.entityType === 'meeting') return `/meetings/${entry.entityId}`;
  if (entry.entityType === 'member') return `/members/${entry.entityId}`;
  if (entry.entityType === 'committeeTerm' || entry.entityType === 'group') return '/organization';
  return null;
}

function EntryTitle({ entry, words }: { entry: EditTrailEntry; words: readonly string[] }) {
  const link = recordLink(entry);
  const text = <Highlight text={entry.label} words={words} />;
  return <span className="trail-entry-label">{link ? <Link to={link}>{text}</Link> : text}</span>;
}

/**
 * 修改记录 (#/settings/edit-trail): every change to the branch's data, newest first, searchable by
 * record name and by old or new value. Only what happened to the data is kept — no reads, no clicks.
 */
export function EditTrailPage() {
  const [query, setQuery] = useState('');
  const [entityType, setEntityType] = useState<EditTrailEntityType | undefined>(undefined);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const settledQuery = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const input = {
    query: settledQuery || undefined,
    entityType,
    from: range?.[0]?.format('YYYY-MM-DD') ?? null,
    to: range?.[1]?.format('YYYY-MM-DD') ?? null,
    page,
  };
  const list = useEditTrailList(input);
  const words = searchWords(settledQuery);
  const data = list.data;

  return (
    <div>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/settings">设置</Link> }, { title: '修改记录' }]} />
      <div className="page-title">
        <Typography.Title level={4}>修改记录</Typography.Title>
      </div>
      <Card>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          会议记录、党员信息和组织设置的每一次新增、修改、删除都记在这里（何时、改了什么、由什么改成什么）。公民身份号码和手机号只记脱敏后的值。只记录数据的变化，不记录查看和操作人。
        </Typography.Paragraph>
        <div className="trail-page-filters">
          <Input.Search
            allowClear
            autoFocus
            placeholder="搜索记录名称、字段或内容，如 张三、主题、2025-03-12"
            maxLength={MAX_SEARCH_LENGTH}
            style={{ width: 360 }}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setPage(1);
            }}
            aria-label="搜索修改记录"
          />
          <Select<EditTrailEntityType | 'all'>
            style={{ width: 160 }}
            value={entityType ?? 'all'}
            onChange={(value) => {
              setEntityType(value === 'all' ? undefined : value);
              setPage(1);
            }}
            options={[{ value: 'all', label: '全部记录' }, ...EDIT_TRAIL_ENTITY_TYPES.map((value) => ({ value, label: EDIT_TRAIL_ENTITY_LABELS[value] }))]}
            aria-label="记录类别"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(value) => {
              setRange(value);
              setPage(1);
            }}
            placeholder={['开始日期', '结束日期']}
            allowEmpty={[true, true]}
          />
        </div>
        {list.isError && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
        {!data && list.isPending ? (
          <Spin />
        ) : !data || data.entries.length === 0 ? (
          <Empty description={settledQuery || entityType || range ? '没有符合条件的修改记录' : '还没有修改记录'} />
        ) : (
          <>
            <Typography.Text type="secondary" data-testid="trail-total">
              共 {data.total} 条
            </Typography.Text>
            <div data-testid="trail-list">
              {data.entries.map((entry) => (
                <div key={entry.id} className="trail-page-item">
                  <EditTrailEntryView entry={entry} words={words} title={<EntryTitle entry={entry} words={words} />} />
                </div>
              ))}
            </div>
            {data.total > data.pageSize && (
              <Pagination style={{ marginTop: 12 }} current={data.page} pageSize={data.pageSize} total={data.total} showSizeChanger={false} onChange={setPage} />
            )}
          </>
        )}
      </Card>
    </div>
  );
}
