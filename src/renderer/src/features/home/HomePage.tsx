import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { HomeOverview } from '../../../../shared/contract/home';
import { BRANCH_KIND_LABELS, COMMITTEE_ROLE_LABELS } from '../../../../shared/domain/branch';
import { useHome } from '../../api/branch';
import { formatDate, orDash } from '../../lib/format';
import { BranchEditButton } from '../../components/BranchEditButton';
import { ElectionNotice } from '../../components/ElectionNotice';
import { FollowUpsCard } from '../followUps/FollowUpsCard';
import { HomeAttentionMain, HomeAttentionSide } from './HomeAttention';
import { ParticipationWarningsCard } from '../participation/ParticipationWarningsCard';

export function HomePage() {
  const home = useHome();
  if (home.isError) return <Alert type="error" showIcon message="无法读取首页数据" description={home.error.message} />;
  const data = home.data;
  if (!data) return <Card loading />;

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={4}>首页</Typography.Title>
        <Typography.Text type="secondary">今天是 {formatDate(data.today)}</Typography.Text>
      </div>
      <ElectionNotice election={data.election} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <HomeAttentionMain />
            <FollowUpsCard />
            <BranchCard data={data} />
            <CommitteeCard data={data} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <HomeAttentionSide />
            <MembersCard data={data} />
            <ParticipationWarningsCard />
            <GroupsCard data={data} />
            <MeetingsCard data={data} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}

function BranchCard({ data: { branch } }: { data: HomeOverview }) {
  return (
    <Card title="支部概况" extra={<BranchEditButton branch={branch} />}>
      <Descriptions column={1} size="small" styles={{ label: { width: 110 } }}>
        <Descriptions.Item label="支部名称">{branch.name}</Descriptions.Item>
        <Descriptions.Item label="支部类型">{BRANCH_KIND_LABELS[branch.kind]}</Descriptions.Item>
        <Descriptions.Item label="上级党组织">{orDash(branch.parentOrg)}</Descriptions.Item>
        <Descriptions.Item label="成立日期">{formatDate(branch.foundedOn)}</Descriptions.Item>
        <Descriptions.Item label="联系人">
          {orDash(branch.contactPerson)}
          {branch.contactPhone ? `（${branch.contactPhone}）` : ''}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function CommitteeCard({ data: { term, election, committee } }: { data: HomeOverview }) {
  if (!term) {
    return (
      <Card title="支部委员会">
        <Empty description="尚未登记支委会任期" />
      </Card>
    );
  }
  return (
    <Card title={`第${term.seq}届支部委员会`}>
      <Typography.Paragraph>
        任期：{formatDate(term.startsOn)} 至 {formatDate(term.endsOn)}
        {election && !election.noticeActive && <Tag style={{ marginLeft: 8 }}>距换届 {election.daysLeft} 天</Tag>}
      </Typography.Paragraph>
      {committee.length > 0 ? (
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          {committee.map((seat) => (
            <Descriptions.Item key={`${seat.role}-${seat.memberId}`} label={COMMITTEE_ROLE_LABELS[seat.role]}>
              {seat.memberName}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">尚未登记支委成员。</Typography.Text>
      )}
    </Card>
  );
}

function MembersCard({ data: { members } }: { data: HomeOverview }) {
  return (
    <Card title="党员" extra={<Link to="/members">查看花名册</Link>}>
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title="党员总数" value={members.total} suffix="名" />
        </Col>
        <Col span={8}>
          <Statistic title="正式党员" value={members.full} suffix="名" />
        </Col>
        <Col span={8}>
          <Statistic title="预备党员" value={members.probationary} suffix="名" />
        </Col>
      </Row>
      {members.total === 0 && (
        <div style={{ marginTop: 16 }}>
          <Link to="/members">
            <Button type="primary">录入第一名党员</Button>
          </Link>
        </div>
      )}
    </Card>
  );
}

function GroupsCard({ data: { groups } }: { data: HomeOverview }) {
  return (
    <Card title="党小组">
      {groups.length > 0 ? (
        <List
          size="small"
          dataSource={groups}
          renderItem={(group) => (
            <List.Item extra={<span>{group.memberCount} 名党员</span>}>
              <List.Item.Meta title={group.name} description={`组长：${orDash(group.leaderName)}`} />
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">未设党小组。</Typography.Text>
      )}
    </Card>
  );
}

function MeetingsCard({ data: { meetings } }: { data: HomeOverview }) {
  return (
    <Card title="组织生活记录">
      {meetings.length > 0 ? (
        <Row gutter={16}>
          {meetings.slice(0, 3).map((row) => (
            <Col key={row.year} span={8}>
              <Statistic title={`${row.year}年`} value={row.count} suffix="条" />
            </Col>
          ))}
        </Row>
      ) : (
        <Typography.Text type="secondary">还没有组织生活记录。</Typography.Text>
      )}
    </Card>
  );
}
