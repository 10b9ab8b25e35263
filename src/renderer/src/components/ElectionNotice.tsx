import { Alert } from 'antd';
import type { HomeOverview } from '../../../shared/contract/home';
import { formatDate } from '../lib/format';

/** The 换届 reminder: from three months before the term ends, and louder once it has ended. */
export function ElectionNotice({ election }: { election: HomeOverview['election'] }) {
  if (!election?.noticeActive) return null;
  const overdue = election.daysLeft < 0;
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type={overdue ? 'error' : 'warning'}
      showIcon
      message={
        overdue
          ? `本届支委会任期已于 ${formatDate(election.dueOn)} 届满，已超期 ${-election.daysLeft} 天，请及时按程序换届。`
          : `本届支委会任期将于 ${formatDate(election.dueOn)} 届满（还有 ${election.daysLeft} 天），请提前做好换届准备。`
      }
    />
  );
}
