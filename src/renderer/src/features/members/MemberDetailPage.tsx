import { EditOutlined, FileAddOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Result, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MemberView } from '../../../../shared/contract/members';
import { todayIso } from '../../../../shared/domain/dates';
import { ageOn, GENDER_LABELS, MEMBER_CATEGORY_LABELS, partyStandingYears } from '../../../../shared/domain/member';
import { MEMBER_STATUS_LABELS } from '../../../../shared/domain/memberHistory';
import { useGroups, useMember } from '../../api/members';
import { useCommittee } from '../../api/organization';
import { formatDate, orDash } from '../../lib/format';
import { MemberFormDrawer } from './MemberFormDrawer';
import { MemberParticipation } from '../participation/MemberParticipation';
import { MemberHistory } from './MemberHistory';
import { RegisterEventModal } from './RegisterEventModal';
import { EditTrailLine } from '../editTrail/EditTrailLine';
import { SensitiveValue, useRevealed } from './SensitiveValue';

/** 党员详情 (#/members/:id): every field, the member's standing today, and the dated history. */
export function MemberDetailPage() {
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const member = useMember(valid ? id : null);
  const [editing, setEditing] = useState(false);
  const [registering, setRegistering] = useState(false);
  // Loaded here so the 登记人 default (the 书记) is ready when the form opens.
  useCommittee();

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[{ title: <Link to="/members">党员花名册</Link> }, { title: member.data?.name ?? '党员信息' }]}
    />
  );

  if (!valid || member.isError) {
    return (
      <div>
        {crumbs}
        <Result
          status="warning"
          title="找不到这名党员"
          subTitle={member.error?.message ?? '地址有误。'}
          extra={
            <Link to="/members">
              <Button type="primary">返回花名册</Button>
            </Link>
          }
        />
      </div>
    );
  }
  if (!member.data) {
    return (
      <div>
        {crumbs}
        <Card loading />
      </div>
    );
  }
  const data = member.data;

  return (
    <div>
      {crumbs}
      <div className="page-title">
        <Space size={12} wrap align="center">
          <Typography.Title level={4}>{data.name}</Typography.Title>
          <StateTags member={data} />
        </Space>
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑
          </Button>
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setRegistering(true)}>
            登记变动
          </Button>
        </Space>
      </div>
      <EditTrailLine entityType="member" entityId={data.id} />
      {data.state.status !== 'active' && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          message={`${data.name}${MEMBER_STATUS_LABELS[data.state.status]}，不计入在册党员。花名册中选择范围“已离开”可以找到。`}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title="基本信息">
            <MemberFacts member={data} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="党籍变动记录">
            <MemberHistory memberId={data.id} />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <MemberParticipation memberId={data.id} name={data.name} />
        </Col>
      </Row>
      <MemberFormDrawer editing={editing ? data.id : null} onClose={() => setEditing(false)} />
      {registering && <RegisterEventModal member={data} onClose={() => setRegistering(false)} />}
    </div>
  );
}

function StateTags({ member }: { member: MemberView }) {
  const { state } = member;
  return (
    <Space size={4} wrap className="member-tags">
      {state.status !== 'active' && <Tag>{MEMBER_STATUS_LABELS[state.status]}</Tag>}
      <Tag color={state.category === 'full' ? 'red' : 'orange'}>{MEMBER_CATEGORY_LABELS[state.category]}</Tag>
      {state.probationEndsOn && <Tag color="orange">预备期满：{formatDate(state.probationEndsOn)}</Tag>}
      {state.flowing && (
        <Tooltip title={`自 ${formatDate(state.flowing.since)} 外出流动`}>
          <Tag color="blue">流动党员{state.flowing.detail ? `（${state.flowing.detail}）` : ''}</Tag>
        </Tooltip>
      )}
      {state.lostContact && (
        <Tooltip title={`自 ${formatDate(state.lostContact.since)} 失去联系`}>
          <Tag color="volcano">失联</Tag>
        </Tooltip>
      )}
      {state.partyProbation && (
        <Tag color="purple">留党察看{state.partyProbation.until ? `（至 ${formatDate(state.partyProbation.until)}）` : ''}</Tag>
      )}
      {state.belongs && (state.entitledToVote ? <Tag color="green">有表决权</Tag> : <Tag>无表决权</Tag>)}
    </Space>
  );
}

/** 党龄 in whole years; a member confirmed less than a year ago reads 不满1年, not 0年. */
function standing(member: MemberView, today: string): string {
  if (member.state.category !== 'full') return '—';
  const years = partyStandingYears(member.confirmedOn, today);
  if (years === null) return '—';
  return years === 0 ? '不满1年' : `${years}年`;
}

function MemberFacts({ member }: { member: MemberView }) {
  const groups = useGroups();
  const revealed = useRevealed(member.id);
  const today = todayIso();
  const age = ageOn(member.birthDate, today);
  const group = groups.data?.find((candidate) => candidate.id === member.partyGroupId);
  const Item = Descriptions.Item;
  return (
    <Descriptions column={{ xs: 1, lg: 2 }} size="small" bordered styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}>
      <Item label="姓名">{member.name}</Item>
      <Item label="性别">{GENDER_LABELS[member.gender]}</Item>
      <Item label="民族">{orDash(member.ethnicity)}</Item>
      <Item label="出生日期">
        {formatDate(member.birthDate)}
        {age !== null && `（${age}岁）`}
      </Item>
      <Item label="公民身份号码" span={{ xs: 1, lg: 2 }}>
        <SensitiveValue field="idNumber" masked={member.idNumberMasked} revealed={revealed} />
      </Item>
      <Item label="籍贯">{orDash(member.nativePlace)}</Item>
      <Item label="联系电话">
        <SensitiveValue field="phone" masked={member.phoneMasked} revealed={revealed} />
      </Item>
      <Item label="学历">{orDash(member.education)}</Item>
      <Item label="学位">{orDash(member.degree)}</Item>
      <Item label="参加工作时间">{formatDate(member.workStartedOn)}</Item>
      <Item label="人员类别">{orDash(member.personCategory)}</Item>
      <Item label="工作单位及职务" span={{ xs: 1, lg: 2 }}>
        {orDash(member.workplace)}
      </Item>
      <Item label="入党时间">{formatDate(member.admittedOn)}</Item>
      <Item label="转正时间">{formatDate(member.confirmedOn)}</Item>
      <Item label="党员类别">{MEMBER_CATEGORY_LABELS[member.state.category]}</Item>
      <Item label="党龄">{standing(member, today)}</Item>
      <Item label="党籍状态">{MEMBER_STATUS_LABELS[member.state.status]}</Item>
      <Item label="所在党小组">{member.partyGroupId === null ? '—' : (group?.name ?? '…')}</Item>
      <Item label="党内职务" span={{ xs: 1, lg: 2 }}>
        {member.partyPosts.length > 0 ? member.partyPosts.join('、') : '—'}
      </Item>
      <Item label="备注" span={{ xs: 1, lg: 2 }}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{orDash(member.note)}</span>
      </Item>
    </Descriptions>
  );
}
