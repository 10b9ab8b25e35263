import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { groupCreateInput, type PartyGroup } from '../../../../shared/contract/groups';
import { todayIso } from '../../../../shared/domain/dates';
import { useRpcQuery } from '../../api/hooks';
import { useCreateGroup, useDeleteGroup, useGroupList, useUpdateGroup } from '../../api/organization';
import { formatDate } from '../../lib/format';
import { DATE_INPUT_FORMATS, isoDateItemProps, keepEnterInDateFields, showServerProblems, zodRule } from '../../lib/forms';

type GroupDialog = { mode: 'create' } | { mode: 'edit'; group: PartyGroup } | { mode: 'dissolve'; group: PartyGroup };

/** 党小组: each with its 组长 and size; members move between groups in the member form. */
export function GroupsCard() {
  const { message } = App.useApp();
  const [showDissolved, setShowDissolved] = useState(false);
  const [dialog, setDialog] = useState<GroupDialog | null>(null);
  const groups = useGroupList(showDissolved);
  const remove = useDeleteGroup();

  const deleteGroup = async (group: PartyGroup) => {
    try {
      await remove.mutateAsync({ id: group.id });
      message.success(`已删除：${group.name}`);
    } catch (error) {
      message.error({ content: (error as Error).message, duration: 8 });
    }
  };

  const columns: ColumnsType<PartyGroup> = [
    {
      title: '党小组名称',
      dataIndex: 'name',
      render: (name: string, group) => (
        <Space size={6}>
          <span>{name}</span>
          {group.dissolvedOn && <Tag>已撤销</Tag>}
        </Space>
      ),
    },
    {
      title: '组长',
      dataIndex: 'leaderName',
      width: 120,
      render: (name: string | null, group) => (name && group.leaderId ? <Link to={`/members/${group.leaderId}`}>{name}</Link> : '—'),
    },
    { title: '党员人数', dataIndex: 'memberCount', width: 100, render: (count: number) => `${count} 名` },
    { title: '成立日期', dataIndex: 'foundedOn', width: 150, render: formatDate },
    ...(showDissolved ? [{ title: '撤销日期', dataIndex: 'dissolvedOn', width: 150, render: formatDate }] : []),
    {
      title: '操作',
      key: 'actions',
      width: 160,
      render: (_value, group) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', group })}>
            编辑
          </Button>
          {!group.dissolvedOn && (
            <Button type="link" size="small" onClick={() => setDialog({ mode: 'dissolve', group })}>
              撤销
            </Button>
          )}
          {/* A group with members is dissolved, never deleted; the service also refuses groups used in records. */}
          {group.memberCount === 0 && (
            <Popconfirm
              title={`删除“${group.name}”？`}
              description="仅用于删除建错的党小组。不再设立的党小组请“撤销”，历史记录会保留。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => deleteGroup(group)}
            >
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="党小组"
      extra={
        <Space size={16}>
          <Checkbox checked={showDissolved} onChange={(event) => setShowDissolved(event.target.checked)}>
            显示已撤销的党小组
          </Checkbox>
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
            新建党小组
          </Button>
        </Space>
      }
    >
      <Table<PartyGroup>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        loading={groups.isPending}
        columns={columns}
        dataSource={groups.data ?? []}
        locale={{ emptyText: '未设党小组。党员较多的支部可以划分党小组，每组设组长一名。' }}
      />
      {groups.isError && <Typography.Text type="danger">{groups.error.message}</Typography.Text>}
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
        党员在党小组之间调整：在党员信息中修改“所在党小组”并填写调整日期。
      </Typography.Paragraph>
      {/* A fresh dialog (and form) for every opening, so nothing carries over from the last one. */}
      {dialog && <GroupModal dialog={dialog} onClose={() => setDialog(null)} />}
    </Card>
  );
}

interface GroupValues {
  name: string;
  foundedOn: string | null;
  leaderId?: number | null;
  dissolvedOn?: string | null;
}

function GroupModal({ dialog, onClose }: { dialog: GroupDialog; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<GroupValues>();
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const group = dialog.mode !== 'create' ? dialog.group : null;
  // The 组长 is one of the group's members today.
  const members = useRpcQuery('members:list', { partyGroupId: group?.id ?? 0 }, { enabled: dialog.mode === 'edit' });

  const initial: GroupValues = group
    ? { name: group.name, foundedOn: group.foundedOn, leaderId: group.leaderId, dissolvedOn: dialog.mode === 'dissolve' ? todayIso() : group.dissolvedOn }
    : { name: '', foundedOn: todayIso() };

  const save = async (values: GroupValues) => {
    try {
      if (!group) {
        const created = await create.mutateAsync({ name: values.name, foundedOn: values.foundedOn ?? null });
        message.success(`已新建：${created.name}`);
      } else if (dialog.mode === 'dissolve') {
        // A dissolved group has no 组长; the service also refuses while members remain.
        await update.mutateAsync({ id: group.id, name: group.name, foundedOn: group.foundedOn, leaderId: null, dissolvedOn: values.dissolvedOn ?? null });
        message.success(`已撤销：${group.name}`);
      } else {
        const saved = await update.mutateAsync({
          id: group.id,
          name: values.name,
          foundedOn: values.foundedOn ?? null,
          leaderId: values.leaderId ?? null,
          dissolvedOn: values.dissolvedOn ?? null,
        });
        message.success(`已保存：${saved.name}`);
      }
      onClose();
    } catch (error) {
      if (!showServerProblems(form, error)) message.error((error as Error).message);
    }
  };

  const title = dialog.mode === 'create' ? '新建党小组' : dialog.mode === 'dissolve' ? `撤销党小组：${dialog.group.name}` : `编辑党小组：${dialog.group.name}`;
  const memberOptions = (members.data ?? []).map((member) => ({ value: member.id, label: member.name }));
  // A 组长 who has since moved to another group is shown as such, so the secretary picks a new one.
  if (group?.leaderId && members.data && !memberOptions.some((option) => option.value === group.leaderId)) {
    memberOptions.push({ value: group.leaderId, label: `${group.leaderName ?? ''}（已不在本组）` });
  }

  return (
    <Modal
      title={title}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={dialog.mode === 'dissolve' ? '撤销' : '保存'}
      okButtonProps={{ danger: dialog.mode === 'dissolve' }}
      confirmLoading={create.isPending || update.isPending}
    >
      <Form<GroupValues> form={form} layout="vertical" initialValues={initial} onFinish={save} onKeyDown={keepEnterInDateFields}>
        {dialog.mode === 'dissolve' ? (
          <>
            <Typography.Paragraph type="secondary">撤销后不再列入党小组名单，原有的组员和会议记录作为历史保留。撤销前请先把本组党员调到其他党小组。</Typography.Paragraph>
            <Form.Item label="撤销日期" name="dissolvedOn" rules={[{ required: true, message: '请填写撤销日期' }]} {...isoDateItemProps}>
              <DatePicker format={DATE_INPUT_FORMATS} style={{ width: 200 }} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item label="党小组名称" name="name" required rules={[zodRule(groupCreateInput.shape.name)]}>
              <Input maxLength={30} placeholder="如：第三党小组（销售）" />
            </Form.Item>
            <Form.Item label="成立日期" name="foundedOn" {...isoDateItemProps}>
              <DatePicker format={DATE_INPUT_FORMATS} style={{ width: 200 }} />
            </Form.Item>
            {dialog.mode === 'edit' && !dialog.group.dissolvedOn && (
              <Form.Item
                label="组长"
                name="leaderId"
                extra={members.data && members.data.length === 0 ? '本组还没有党员。先在党员信息中把党员调入本组，再指定组长。' : '从本组党员中选择'}
              >
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="请选择"
                  loading={members.isPending}
                  options={memberOptions}
                  style={{ width: 200 }}
                />
              </Form.Item>
            )}
            {dialog.mode === 'create' && (
              <Typography.Paragraph type="secondary">新建的党小组还没有组员。建好后在党员信息中把党员调入本组，再回到这里指定组长。</Typography.Paragraph>
            )}
            {dialog.mode === 'edit' && dialog.group.dissolvedOn && (
              <Form.Item label="撤销日期" name="dissolvedOn" extra="清空撤销日期即恢复该党小组" {...isoDateItemProps}>
                <DatePicker format={DATE_INPUT_FORMATS} style={{ width: 200 }} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
