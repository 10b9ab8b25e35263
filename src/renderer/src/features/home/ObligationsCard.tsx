import { CheckCircleOutlined } from '@ant-design/icons';
import { Card, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { HomeAttention } from '../../../../shared/contract/home';
import { linkHref } from '../../../../shared/domain/homeAttention';
import { groupMissed, periodList } from './attentionText';

/** Days left from which a due item is shown in the warning colour. */
const SOON_DAYS = 7;

/**
 * 本月待办: obligations of this month, quarter, half-year and year still open (剩余 N 天), and the
 * periods already missed, one line per obligation (and 党小组). Each line opens a new record of that type.
 */
export function ObligationsCard({ data }: { data: HomeAttention }) {
  const { due, overdue } = data.obligations;
  const missed = groupMissed(overdue);
  const currentYear = data.years.at(-1)!;
  const missedYears = [...new Set(missed.map((group) => group.year))];

  return (
    <Card title="本月待办" data-testid="attention-obligations" extra={<Typography.Text type="secondary">按“{data.packName}”规则</Typography.Text>}>
      {due.length === 0 && missed.length === 0 ? (
        <div className="attention-calm" data-testid="attention-all-clear">
          <CheckCircleOutlined className="attention-calm-icon" />
          <div>
            <div>各项组织生活都已按要求开展，目前没有待办。</div>
            <Typography.Text type="secondary">新的月份或季度开始后，需要开展的各项组织生活列在这里，可从这里直接登记。</Typography.Text>
          </div>
        </div>
      ) : (
        <>
          {missedYears.map((year) => (
            <section key={year} className="attention-section" aria-label={`${year}年未完成`}>
              <div className="attention-section-title">
                <Typography.Text strong>{year === currentYear ? '本年度已过期未完成' : `${year}年度未完成`}</Typography.Text>
                {year !== currentYear && <Typography.Text type="secondary">年度结账前请核对：已开展但没有录入的，请补录记录</Typography.Text>}
              </div>
              {missed
                .filter((group) => group.year === year)
                .map((group) => (
                  <Link key={group.key} to={linkHref(group.items[0].link)} className="attention-item" data-testid="attention-missed">
                    <span className="attention-item-main">
                      <Tag color="error">未完成</Tag>
                      <span>
                        {group.label}
                        {group.groupName && ` · ${group.groupName}`}：{year}年{periodList(group.items.map((item) => item.period))}
                      </span>
                      {group.recommended && <Tag>建议</Tag>}
                    </span>
                    <span className="attention-item-side">去登记 ›</span>
                  </Link>
                ))}
            </section>
          ))}
          {due.length > 0 && (
            <section className="attention-section" aria-label="本期待办">
              {missed.length > 0 && (
                <div className="attention-section-title">
                  <Typography.Text strong>本期待办</Typography.Text>
                </div>
              )}
              {due.map((item) => (
                <Link key={item.key} to={linkHref(item.link)} className="attention-item" data-testid="attention-due">
                  <span className="attention-item-main">
                    <Typography.Text type={item.daysRemaining! <= SOON_DAYS ? 'warning' : undefined}>{item.text}</Typography.Text>
                    {item.severity !== 'required' && <Tag>建议</Tag>}
                  </span>
                  <span className="attention-item-side">去登记 ›</span>
                </Link>
              ))}
            </section>
          )}
        </>
      )}
    </Card>
  );
}
