import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { App, Button, Checkbox, Input, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useDeferredValue, useMemo, useState } from 'react';
import type { MemberListItem, MemberListScope } from '../../../../shared/contract/members';
import { GENDER_LABELS, MEMBER_CATEGORY_LABELS, type MemberCategory } from '../../../../shared/domain/member';
import { MEMBER_STATUS_LABELS } from '../../../../shared/domain/memberHistory';
import { useDeleteMember, useGroups, useMembers } from '../../api/members';
import { orDash } from '../../lib/format';
import { MemberFormDrawer } from './MemberFormDrawer';
import { RosterExportButton } from './RosterExportButton';

type CategoryFilter = 'all' | MemberCategory;

/** 党龄 in whole years; a member confirmed less than a year ago reads 不满1年, not 0年. */
function formatStanding(years: number | null): string {
  if (years === null) return '—';
  return years === 0 ? '不满1年' : `${years}年`;
}

const byText = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', 'zh-CN');

export function MembersPage() {
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const [category, setCategory] = useState<CategoryFilter>('all');
  const [scope, setScope] = useState<MemberListScope>('current');
  const [partyGroupId, setPartyGroupId] = useState<number | undefined>();
  const [flowing, setFlowing] = useState(false);
  const [lostContact, setLostContact] = useState(false);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const members = useMembers({
    query: query || undefined,
    scope,
    category: category === 'all' ? undefined : category,
    partyGroupId,
    flowing: flowing || undefined,
    lostContact: lostContact || undefined,
  });
  const groups = useGroups();
  const remove = useDeleteMember();

  const rows = useMemo(() => members.data ?? [], [members.data]);
  const counts = useMemo(
    () => ({ total: rows.length, full: rows.filter((m) => m.category === 'full').length, probationary: rows.filter((m) => m.category === 'probationary').length }),
    [rows],
  );
  const filtered = query !== '' || category !== 'all' || scope !== 'current' || partyGroupId !== undefined || flowing || lostContact;

  const deleteMember = async (member: MemberListItem) => {
    try {
      await remove.mutateAsync({ id: member.id });
      message.success(`已删除：${member.name}`);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const columns: ColumnsType<MemberListItem> = [
    { title: '序号', key: 'index', width: 56, render: (_value, _row, index) => index + 1 },
    {
      title: '姓名',
      dataIndex: 'name',
      width: 88,
      sorter: (a, b) => byText(a.name, b.name),
      render: (name: string, row) => <Link to={`/members/${row.id}`}>{name}</Link>,
    },
    { title: '性别', dataIndex: 'gender', width: 56, render: (gender: MemberListItem['gender']) => GENDER_LABELS[gender] },
    { title: '年龄', dataIndex: 'age', width: 64, sorter: (a, b) => (a.age ?? 0) - (b.age ?? 0), render: orDash },
    // Masked here always; the member's page shows the full number on request.
    { title: '公民身份号码', dataIndex: 'idNumberMasked', width: 172, render: (value: string | null) => <span className="sensitive-value">{orDash(value)}</span> },
    { title: '学历', dataIndex: 'education', width: 92, render: orDash },
    {
      title: '入党时间',
      dataIndex: 'admittedOn',
      width: 104,
      sorter: (a, b) => byText(a.admittedOn, b.admittedOn),
      render: orDash,
    },
    { title: '党龄', dataIndex: 'partyStandingYears', width: 80, sorter: (a, b) => (a.partyStandingYears ?? -1) - (b.partyStandingYears ?? -1), render: formatStanding },
    {
      title: '党员类别',
      dataIndex: 'category',
      width: 92,
      render: (value: MemberCategory, row) => (
        <Space size={2} wrap>
          {row.status === 'active' ? (
            <Tag color={value === 'full' ? 'red' : 'orange'}>{MEMBER_CATEGORY_LABELS[value]}</Tag>
          ) : (
            <Tag>{MEMBER_STATUS_LABELS[row.status]}</Tag>
          )}
          {row.flowing && <Tag color="blue">流动</Tag>}
          {row.lostContact && <Tag color="volcano">失联</Tag>}
          {row.partyProbation && <Tag color="purple">留党察看</Tag>}
        </Space>
      ),
    },
    {
      title: '所在党小组',
      dataIndex: 'partyGroupName',
      ellipsis: { showTitle: true },
      render: orDash,
    },
    { title: '党内职务', dataIndex: 'partyPosts', width: 88, render: (posts: string[]) => (posts.length ? posts.join('、') : '—') },
    { title: '联系电话', dataIndex: 'phoneMasked', width: 120, render: orDash },
    {
      title: '操作',
      key: 'actions',
      width: 104,
      render: (_value, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(row.id)}>
            编辑
          </Button>
          <Popconfirm
            title={`删除“${row.name}”？`}
            description="仅用于删除录入错误的人员。党员离开本支部请办理转出，历史记录会保留。"
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => deleteMember(row)}
          >
            <Button type="link" size="small" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={4}>党员花名册</Typography.Title>
        <Space>
          <Link to="/participation">
            <Button>参加组织生活情况</Button>
          </Link>
          <RosterExportButton />
          <Link to="/members/import">
            <Button icon={<UploadOutlined />}>从 Excel 导入</Button>
          </Link>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增党员
          </Button>
        </Space>
      </div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder="姓名或拼音首字母，如 cjh"
          aria-label="按姓名搜索"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          style={{ width: 240 }}
        />
        <Segmented<CategoryFilter>
          value={category}
          onChange={setCategory}
          options={[
            { value: 'all', label: '全部' },
            { value: 'full', label: '正式党员' },
            { value: 'probationary', label: '预备党员' },
          ]}
        />
        <Select<number>
          allowClear
          placeholder="全部党小组"
          aria-label="党小组"
          style={{ width: 200 }}
          value={partyGroupId}
          onChange={setPartyGroupId}
          options={(groups.data ?? []).map((group) => ({ value: group.id, label: group.name }))}
        />
        <Select<MemberListScope>
          aria-label="范围"
          style={{ width: 120 }}
          value={scope}
          onChange={setScope}
          options={[
            { value: 'current', label: '在册党员' },
            { value: 'left', label: '已离开' },
            { value: 'all', label: '全部人员' },
          ]}
        />
        <Checkbox checked={flowing} onChange={(event) => setFlowing(event.target.checked)}>
          流动党员
        </Checkbox>
        <Checkbox checked={lostContact} onChange={(event) => setLostContact(event.target.checked)}>
          失联党员
        </Checkbox>
      </Space>
      <div style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {filtered ? `符合条件 ${counts.total} 名` : `共 ${counts.total} 名党员，其中正式党员 ${counts.full} 名、预备党员 ${counts.probationary} 名`}
        </Typography.Text>
      </div>
      <Table<MemberListItem>
        rowKey="id"
        size="middle"
        bordered
        loading={members.isPending}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: filtered ? '没有符合条件的人员' : '还没有党员，点击右上角“新增党员”开始录入。' }}
      />
      {members.isError && <Typography.Text type="danger">{members.error.message}</Typography.Text>}
      <MemberFormDrawer editing={editing} onClose={() => setEditing(null)} onCreateAnother={() => setEditing('new')} />
    </div>
  );
}
