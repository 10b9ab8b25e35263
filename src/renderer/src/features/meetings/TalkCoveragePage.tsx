import { Alert, Breadcrumb, Button, Card, Empty, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TalkCoverage } from '../../../../shared/contract/talks';
import { todayIso } from '../../../../shared/domain/dates';
import { TALK_ROLE_LABELS } from '../../../../shared/domain/talkCoverage';
import { useTalkCoverage } from '../../api/talks';
import { formatDate } from '../../lib/format';
import './specialFlows.css';

/** 谈心谈话覆盖情况 (#/meetings/talks?year=2025): who has talked with whom this year. */
export function TalkCoveragePage() {
  const [params, setParams] = useSearchParams();
  const currentYear = Number(todayIso().slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 1921 && asked <= currentYear ? asked : currentYear;
  const coverage = useTalkCoverage(year);
  const years = Array.from({ length: 5 }, (_, index) => currentYear - index);

  return (
    <div>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to={`/meetings?year=${year}`}>组织生活</Link> }, { title: '谈心谈话覆盖情况' }]} />
      <div className="page-title">
        <Typography.Title level={4}>{year}年谈心谈话覆盖情况</Typography.Title>
      </div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<number> aria-label="年度" value={year} onChange={(value) => setParams({ year: String(value) })} options={years.map((value) => ({ value, label: `${value}年` }))} />
      </Space>
      {coverage.isError && <Alert type="error" showIcon title={coverage.error.message} />}
      <Card loading={coverage.isPending}>{coverage.data && <CoverageView coverage={coverage.data} />}</Card>
    </div>
  );
}

function CoverageView({ coverage }: { coverage: TalkCoverage }) {
  const navigate = useNavigate();
  if (coverage.people.length < 2) return <Empty description={`${formatDate(coverage.asOf)}本支部党员不足两名，没有需要谈心谈话的人员。`} />;
  const byPair = new Map(coverage.pairs.map((pair) => [`${pair.a}-${pair.b}`, pair]));
  const pairOf = (x: number, y: number) => byPair.get(x < y ? `${x}-${y}` : `${y}-${x}`);
  const committee = (role: string) => role !== 'member';
  const covered = (memberId: number) => coverage.people.filter((other) => other.memberId !== memberId && (pairOf(memberId, other.memberId)?.dates.length ?? 0) > 0).length;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap size={[8, 8]} data-testid="talk-summary">
        {coverage.summary.map((entry) => (
          <Tag key={entry.kind} color={entry.covered === entry.required ? 'green' : entry.covered === 0 ? 'red' : 'orange'} style={{ fontSize: 14, padding: '2px 8px' }}>
            {entry.label} {entry.covered}/{entry.required}
          </Tag>
        ))}
      </Space>
      <Typography.Text type="secondary">
        按{formatDate(coverage.asOf)}的党员名册和支委会计算；本年共 {coverage.talks} 次谈心谈话记录
        {coverage.talksWithoutParticipants > 0 && `，其中 ${coverage.talksWithoutParticipants} 次尚未填写谈话人员，未计入`}。每对人员每年至少谈话一次；三人以上的谈话计入其中每一对。
      </Typography.Text>
      <Space size={16} wrap className="talk-legend">
        <span>
          <span className="talk-swatch talk-done">✓</span>已谈话（月/日，指向可看全部日期）
        </span>
        <span>
          <span className="talk-swatch talk-missing-key" />涉及支委、尚未谈话
        </span>
        <span>
          <span className="talk-swatch" />党员之间尚未谈话
        </span>
        <span>姓名后为该人已谈/应谈人数</span>
      </Space>
      <div className="talk-matrix-wrap">
        <table className="talk-matrix" aria-label="谈心谈话覆盖矩阵">
          <thead>
            <tr>
              <th className="talk-matrix-corner">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  已谈/应谈
                </Typography.Text>
              </th>
              {coverage.people.map((person) => (
                <th key={person.memberId} scope="col" className={committee(person.role) ? 'talk-col-committee' : undefined} title={`${person.name}（${TALK_ROLE_LABELS[person.role]}）`}>
                  {person.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.people.map((row) => (
              <tr key={row.memberId} className={committee(row.role) ? 'talk-row-committee' : undefined}>
                <th scope="row">
                  {row.name}
                  {row.role !== 'member' && <span className="talk-role">{TALK_ROLE_LABELS[row.role]}</span>}
                  <span className="talk-role">
                    {covered(row.memberId)}/{coverage.people.length - 1}
                  </span>
                </th>
                {coverage.people.map((column) => {
                  if (column.memberId === row.memberId) return <td key={column.memberId} className="talk-self" />;
                  const pair = pairOf(row.memberId, column.memberId);
                  const dates = pair?.dates ?? [];
                  const key = committee(row.role) || committee(column.role);
                  if (dates.length === 0) return <td key={column.memberId} className={key ? 'talk-missing-key' : undefined} aria-label={`${row.name}与${column.name}：未谈话`} />;
                  return (
                    <Tooltip key={column.memberId} title={`${row.name}与${column.name}：${dates.map(formatDate).join('、')}`}>
                      <td className="talk-done" aria-label={`${row.name}与${column.name}：${dates.join('、')}`}>
                        ✓<span className="talk-date">{`${Number(dates[0].slice(5, 7))}/${Number(dates[0].slice(8, 10))}`}</span>
                      </td>
                    </Tooltip>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Space>
        <Button type="primary" onClick={() => navigate('/meetings/new')}>
          新建谈心谈话记录
        </Button>
        <Button onClick={() => navigate(`/meetings?year=${coverage.year}&type=heartToHeartTalk`)}>查看本年谈心谈话记录</Button>
      </Space>
    </Space>
  );
}
