import { Tooltip } from 'antd';
import type { ParticipationMonth } from '../../../../shared/contract/participation';
import { MONTH_KIND_LABELS, MONTH_SYMBOLS } from '../../../../shared/domain/participation';
import './participation.css';

/** What a month's cell means in words: the kind, then the counts behind it. */
export function monthDescription(name: string, month: ParticipationMonth): string {
  const label = `${name} ${Number(month.month.slice(0, 4))}年${Number(month.month.slice(5, 7))}月：${MONTH_KIND_LABELS[month.kind]}`;
  if (month.expected === 0) return label;
  const parts = [`应参加 ${month.expected} 次`, `出席 ${month.present} 次`];
  if (month.leave > 0) parts.push(`请假 ${month.leave} 次`);
  if (month.absent > 0) parts.push(`缺席 ${month.absent} 次`);
  if (month.madeUp > 0) parts.push(`其中补学 ${month.madeUp} 次`);
  return `${label}（${parts.join('，')}）`;
}

/** One month's symbol (✓ 出席, 补, 假, ✗, ·, blank), with the counts on hover. */
export function MonthMark({ name, month }: { name: string; month: ParticipationMonth }) {
  const symbol = MONTH_SYMBOLS[month.kind];
  const description = monthDescription(name, month);
  if (!symbol) return <span className="participation-mark" aria-label={description} />;
  return (
    <Tooltip title={description} mouseEnterDelay={0.3}>
      <span className={`participation-mark participation-${month.kind}`} aria-label={description}>
        {symbol}
      </span>
    </Tooltip>
  );
}

/** The legend under the grid: the symbols a secretary will see. */
export function MonthLegend() {
  const kinds = ['attended', 'madeUp', 'excused', 'absent', 'noMeeting'] as const;
  const words: Record<(typeof kinds)[number], string> = { attended: '出席', madeUp: '补学（计为参加）', excused: '请假', absent: '缺席', noMeeting: '当月无应参加的会议' };
  return (
    <span className="participation-legend">
      {kinds.map((kind) => (
        <span key={kind} style={{ marginRight: 14, whiteSpace: 'nowrap' }}>
          <span className={`participation-mark participation-${kind}`}>{MONTH_SYMBOLS[kind]}</span>
          {words[kind]}
        </span>
      ))}
      <span style={{ whiteSpace: 'nowrap' }}>空白：非本支部党员（入党或转入前、转出后）</span>
    </span>
  );
}
