import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Form, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Branch } from '../../../../shared/contract/branch';
import type { CommitteeSeatRecord, CommitteeTermDetail } from '../../../../shared/contract/committee';
import type { HomeOverview } from '../../../../shared/contract/home';
import { COMMITTEE_ROLE_LABELS, COMMITTEE_ROLES, defaultTermEnd, defaultTermYears, type CommitteeRole } from '../../../../shared/domain/branch';
import { isValidIsoDate, todayIso } from '../../../../shared/domain/dates';
import { useMembers } from '../../api/members';
import { useCommittee, useCreateSeat, useCreateTerm, useDeleteSeat, useUpdateSeat, useUpdateTerm } from '../../api/organization';
import { formatDate } from '../../lib/format';
import { DATE_INPUT_FORMATS, isoDateItemProps, keepEnterInDateFields, showServerProblems } from '../../lib/forms';

const ROLE_OPTIONS = COMMITTEE_ROLES.map((value) => ({ value, label: COMMITTEE_ROLE_LABELS[value] }));

interface Props {
  branch: Branch;
  election: HomeOverview['election'];
}

type TermDialog = { mode: 'create'; seq: number } | { mode: 'edit'; term: CommitteeTermDetail };
type SeatDialog = { mode: 'create'; term: CommitteeTermDetail } | { mode: 'edit'; term: CommitteeTermDetail; seat: CommitteeSeatRecord };

/** 支部委员会: every term, newest first, with who held which seat and when; 换届 adds a term. */
export function CommitteeCard({ branch, election }: Props) {
  const committee = useCommittee();
  const [termDialog, setTermDialog] = useState<TermDialog | null>(null);
  const [seatDialog, setSeatDialog] = useState<SeatDialog | null>(null);
  const terms = committee.data ?? [];
  const nextSeq = terms.reduce((max, term) => Math.max(max, term.seq), 0) + 1;

  return (
    <Card
      title="支部委员会"
      loading={committee.isPending}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setTermDialog({ mode: 'create', seq: nextSeq })}>
          换届
        </Button>
      }
    >
      {committee.isError && <Typography.Text type="danger">{committee.error.message}</Typography.Text>}
      {terms.length === 0 && <Empty description="尚未登记支委会任期，点击“换届”登记本届支委会" />}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {terms.map((term) => (
          <TermSection
            key={term.id}
            term={term}
            election={term.current ? election : null}
            onEditTerm={() => setTermDialog({ mode: 'edit', term })}
            onAddSeat={() => setSeatDialog({ mode: 'create', term })}
            onEditSeat={(seat) => setSeatDialog({ mode: 'edit', term, seat })}
          />
        ))}
      </Space>
      {/* A fresh dialog (and form) for every opening, so nothing carries over from the last one. */}
      {termDialog && <TermModal dialog={termDialog} branch={branch} onClose={() => setTermDialog(null)} />}
      {seatDialog && <SeatModal dialog={seatDialog} onClose={() => setSeatDialog(null)} />}
    </Card>
  );
}

interface TermSectionProps {
  term: CommitteeTermDetail;
  election: HomeOverview['election'];
  onEditTerm: () => void;
  onAddSeat: () => void;
  onEditSeat: (seat: CommitteeSeatRecord) => void;
}

function TermSection({ term, election, onEditTerm, onAddSeat, onEditSeat }: TermSectionProps) {
  const { message } = App.useApp();
  const remove = useDeleteSeat();
  const termEnded = !term.current && term.endsOn < todayIso();

  const deleteSeat = async (seat: CommitteeSeatRecord) => {
    try {
      await remove.mutateAsync({ id: seat.id });
      message.success(`已删除：${seat.memberName}任${COMMITTEE_ROLE_LABELS[seat.role]}的记录`);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const columns: ColumnsType<CommitteeSeatRecord> = [
    { title: '职务', dataIndex: 'role', width: 110, render: (role: CommitteeRole) => COMMITTEE_ROLE_LABELS[role] },
    { title: '姓名', dataIndex: 'memberName', width: 120, render: (name: string, seat) => <Link to={`/members/${seat.memberId}`}>{name}</Link> },
    { title: '任职日期', dataIndex: 'startsOn', width: 150, render: formatDate },
    {
      title: '离任日期',
      dataIndex: 'endsOn',
      width: 150,
      // A seat of an ended term without its own end date ended with the term.
      render: (endsOn: string | null) =>
        endsOn ? formatDate(endsOn) : termEnded ? <Typography.Text type="secondary">{formatDate(term.endsOn)}（届满）</Typography.Text> : '—',
    },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_value, seat) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEditSeat(seat)}>
            编辑
          </Button>
          <Popconfirm
            title={`删除${seat.memberName}任${COMMITTEE_ROLE_LABELS[seat.role]}的记录？`}
            description="仅用于删除登记错误的记录。委员离任请在“编辑”中填写离任日期。"
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => deleteSeat(seat)}
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
    <Card
      type="inner"
      className={term.current ? 'term-card term-card-current' : 'term-card'}
      data-testid={`term-${term.seq}`}
      title={
        <Space size={8} wrap>
          <span>第{term.seq}届支部委员会</span>
          {term.current ? <Tag color="red">本届</Tag> : <Tag>往届</Tag>}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            任期：{formatDate(term.startsOn)} 至 {formatDate(term.endsOn)}
          </Typography.Text>
          {election && (
            <Tag color={election.noticeActive ? (election.daysLeft < 0 ? 'error' : 'warning') : 'default'}>
              {election.daysLeft < 0 ? `已超期 ${-election.daysLeft} 天` : `距换届 ${election.daysLeft} 天`}
            </Tag>
          )}
        </Space>
      }
      extra={
        <Space size={8}>
          <Button size="small" onClick={onEditTerm}>
            修改任期
          </Button>
          <Button size="small" icon={<PlusOutlined />} onClick={onAddSeat}>
            添加委员
          </Button>
        </Space>
      }
    >
      <Table<CommitteeSeatRecord>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={term.seats}
        locale={{ emptyText: '尚未登记委员，点击“添加委员”登记选举产生的书记和委员' }}
      />
    </Card>
  );
}

interface TermValues {
  seq: number;
  startsOn: string;
  endsOn: string;
}

function TermModal({ dialog, branch, onClose }: { dialog: TermDialog; branch: Branch; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TermValues>();
  const create = useCreateTerm();
  const update = useUpdateTerm();

  const initial: Partial<TermValues> =
    dialog.mode === 'edit'
      ? { seq: dialog.term.seq, startsOn: dialog.term.startsOn, endsOn: dialog.term.endsOn }
      : { seq: dialog.seq, startsOn: todayIso(), endsOn: defaultTermEnd(branch.kind, todayIso()) };

  const save = async (values: TermValues) => {
    try {
      if (dialog.mode === 'edit') {
        await update.mutateAsync({ id: dialog.term.id, ...values });
        message.success(`第${values.seq}届支委会任期已保存`);
      } else {
        await create.mutateAsync(values);
        message.success(`已登记第${values.seq}届支部委员会，请添加选举产生的书记和委员`);
      }
      onClose();
    } catch (error) {
      if (!showServerProblems(form, error)) message.error((error as Error).message);
    }
  };

  return (
    <Modal
      title={dialog.mode === 'edit' ? `修改第${dialog.term.seq}届支委会任期` : '换届：登记新一届支部委员会'}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={create.isPending || update.isPending}
    >
      {dialog.mode === 'create' && (
        <Typography.Paragraph type="secondary">
          填写选举产生新一届支委会的日期。上一届任期将截止到前一天，其委员的任职记录作为历史保留。
        </Typography.Paragraph>
      )}
      <Form<TermValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={save}
        onKeyDown={keepEnterInDateFields}
        onValuesChange={(changed: Partial<TermValues>) => {
          // A new term's end follows its start (3 years, 5 for village/community) until the secretary edits it.
          const proposeEnd = dialog.mode === 'create' && !form.isFieldTouched('endsOn');
          if (proposeEnd && changed.startsOn && isValidIsoDate(changed.startsOn)) form.setFieldValue('endsOn', defaultTermEnd(branch.kind, changed.startsOn));
        }}
      >
        <Space size="large" wrap align="start">
          <Form.Item label="届次" name="seq" rules={[{ required: true, message: '请填写届次' }]}>
            <InputNumber min={1} max={99} controls={false} addonBefore="第" addonAfter="届" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item label="任期开始" name="startsOn" rules={[{ required: true, message: '请填写任期开始日期' }]} {...isoDateItemProps}>
            <DatePicker format={DATE_INPUT_FORMATS} placeholder="选举产生的日期" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            label="任期结束"
            name="endsOn"
            rules={[{ required: true, message: '请填写任期结束日期' }]}
            extra={dialog.mode === 'create' ? `一般为${defaultTermYears(branch.kind)}年，填写开始日期后自动计算` : undefined}
            {...isoDateItemProps}
          >
            <DatePicker format={DATE_INPUT_FORMATS} style={{ width: 180 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

interface SeatValues {
  memberId?: number;
  role: CommitteeRole;
  startsOn: string;
  endsOn?: string | null;
}

function SeatModal({ dialog, onClose }: { dialog: SeatDialog; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SeatValues>();
  const create = useCreateSeat();
  const update = useUpdateSeat();
  // 委员 are 正式党员 of the branch; the service checks the date of taking the seat.
  const members = useMembers({ scope: 'current', category: 'full' });

  const initial: Partial<SeatValues> =
    dialog.mode === 'edit'
      ? { role: dialog.seat.role, startsOn: dialog.seat.startsOn, endsOn: dialog.seat.endsOn }
      : { startsOn: dialog.term.startsOn };

  const save = async (values: SeatValues) => {
    try {
      if (dialog.mode === 'edit') {
        await update.mutateAsync({ id: dialog.seat.id, role: values.role, startsOn: values.startsOn, endsOn: values.endsOn ?? null });
        message.success(`已保存：${dialog.seat.memberName}`);
      } else {
        const seat = await create.mutateAsync({ termId: dialog.term.id, memberId: values.memberId!, role: values.role, startsOn: values.startsOn });
        message.success(`已添加：${COMMITTEE_ROLE_LABELS[seat.role]} ${seat.memberName}`);
      }
      onClose();
    } catch (error) {
      if (!showServerProblems(form, error)) message.error((error as Error).message);
    }
  };

  return (
    <Modal
      title={dialog.mode === 'edit' ? `编辑任职记录：${dialog.seat.memberName}` : `添加第${dialog.term.seq}届支委会委员`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={create.isPending || update.isPending}
    >
      <Form<SeatValues> form={form} layout="vertical" initialValues={initial} onFinish={save} onKeyDown={keepEnterInDateFields}>
        {dialog.mode === 'create' && (
          <Form.Item label="党员" name="memberId" rules={[{ required: true, message: '请选择党员' }]} extra="只列出在册的正式党员">
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="输入姓名查找"
              loading={members.isPending}
              options={(members.data ?? []).map((member) => ({ value: member.id, label: member.name }))}
            />
          </Form.Item>
        )}
        <Form.Item label="职务" name="role" rules={[{ required: true, message: '请选择职务' }]}>
          <Select placeholder="请选择" options={ROLE_OPTIONS} style={{ width: 200 }} />
        </Form.Item>
        <Space size="large" wrap align="start">
          <Form.Item label="任职日期" name="startsOn" rules={[{ required: true, message: '请填写任职日期' }]} {...isoDateItemProps}>
            <DatePicker format={DATE_INPUT_FORMATS} style={{ width: 180 }} />
          </Form.Item>
          {dialog.mode === 'edit' && (
            <Form.Item label="离任日期" name="endsOn" extra="仍在任的不填" {...isoDateItemProps}>
              <DatePicker format={DATE_INPUT_FORMATS} style={{ width: 180 }} />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Modal>
  );
}
