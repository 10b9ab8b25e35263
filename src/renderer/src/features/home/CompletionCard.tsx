import { Card, Progress, Typography } from 'antd';
import { Link } from 'react-router';
import type { AttentionTalks, HomeAttention } from '../../../../shared/contract/home';
import { linkHref, type YearCompletion } from '../../../../shared/domain/homeAttention';

/**
 * 年度落实情况 at a glance: per obligation, periods done of the year's periods, and 谈心谈话 coverage.
 * Plain counts for the secretary's own overview; each line opens the year's matrix or the coverage table.
 */
export function CompletionCard({ data }: { data: HomeAttention }) {
  const years = [...data.completion].reverse();
  return (
    <Card title="年度落实情况" data-testid="attention-completion">
      {years.map((year, index) => (
        <YearBlock key={year.year} year={year} talks={data.talks.find((talks) => talks.year === year.year) ?? null} first={index === 0} />
      ))}
    </Card>
  );
}

function YearBlock({ year, talks, first }: { year: YearCompletion; talks: AttentionTalks | null; first: boolean }) {
  const { done, total, overdue, upcoming } = year.summary;
  return (
    <section className={first ? 'attention-year' : 'attention-year attention-year-next'} aria-label={`${year.year}年落实情况`}>
      <div className="attention-section-title">
        <Typography.Text strong>{year.year}年度</Typography.Text>
        <Typography.Text type="secondary">
          {total === 0
            ? '没有需要开展的组织生活'
            : `应开展 ${total} 项，已完成 ${done} 项${overdue > 0 ? `，未按期 ${overdue} 项` : ''}${upcoming > 0 ? `，${upcoming} 项尚未开始` : ''}`}
        </Typography.Text>
      </div>
      {year.rules.map((rule) => (
        <Link key={rule.ruleId} to={linkHref(year.link)} className="attention-progress" aria-label={`${year.year}年${rule.label} 已完成 ${rule.done}/${rule.total}`}>
          <span className="attention-progress-label">{rule.label}</span>
          <Progress percent={Math.round((rule.done / rule.total) * 100)} showInfo={false} strokeColor="#1677ff" className="attention-progress-bar" />
          <span className="attention-progress-count">
            {rule.done}/{rule.total}
          </span>
          <span className="attention-progress-note">{rule.overdue > 0 ? <Typography.Text type="danger">未按期 {rule.overdue}</Typography.Text> : null}</span>
        </Link>
      ))}
      {talks && (
        <Link to={linkHref(talks.link)} className="attention-item" data-testid="attention-talks">
          <span className="attention-item-main">
            <span>
              谈心谈话：
              {talks.summary.map((entry) => `${entry.label.replace(/谈话$/, '')} ${entry.covered}/${entry.required}`).join('，')}
            </span>
          </span>
          <span className="attention-item-side">覆盖表 ›</span>
        </Link>
      )}
    </section>
  );
}
