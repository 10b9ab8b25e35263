import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import type { Branch } from '../../../../shared/contract/branch';
import { BRANCH_KIND_LABELS } from '../../../../shared/domain/branch';
import { useHome } from '../../api/branch';
import { BranchEditButton } from '../../components/BranchEditButton';
import { ElectionNotice } from '../../components/ElectionNotice';
import { formatDate, orDash } from '../../lib/format';
import { CommitteeCard } from './CommitteeCard';
import { GroupsCard } from './GroupsCard';

/** 组织建设 (#/organization): the branch itself, its 支部委员会 over the terms, and its 党小组. */
export function OrganizationPage() {
  const home = useHome();
  if (home.isError) return <Alert type="error" showIcon message="无法读取支部信息" description={home.error.message} />;
  const data = home.data;
  if (!data) return <Card loading />;

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={4}>组织建设</Typography.Title>
      </div>
      <ElectionNotice election={data.election} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <BranchCard branch={data.branch} />
        <CommitteeCard branch={data.branch} election={data.election} />
        <GroupsCard />
      </Space>
    </div>
  );
}

function BranchCard({ branch }: { branch: Branch }) {
  return (
    <Card title="支部信息" extra={<BranchEditButton branch={branch} />}>
      <Descriptions column={{ xs: 1, lg: 2 }} size="small" styles={{ label: { width: 96 } }}>
        <Descriptions.Item label="支部名称">{branch.name}</Descriptions.Item>
        <Descriptions.Item label="支部类型">{BRANCH_KIND_LABELS[branch.kind]}</Descriptions.Item>
        <Descriptions.Item label="上级党组织">{orDash(branch.parentOrg)}</Descriptions.Item>
        <Descriptions.Item label="成立日期">{formatDate(branch.foundedOn)}</Descriptions.Item>
        <Descriptions.Item label="联系人">{orDash(branch.contactPerson)}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{orDash(branch.contactPhone)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
