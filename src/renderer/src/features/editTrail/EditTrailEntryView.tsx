import { Button, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import type { EditTrailEntry } from '../../../../shared/contract/editTrail';
import { EDIT_ACTION_LABELS, type EditAction, type FieldChange } from '../../../../shared/domain/editTrail';
import { Highlight } from '../meetings/Highlight';
import { formatTrailTime } from './trailFormat';
import './editTrail.css';

const ACTION_COLORS: Record<EditAction, string> = { create: 'green', update: 'blue', delete: 'red', restore: 'gold' };

/** New and deleted records list every filled field; past this many they start folded. */
const FOLD_AFTER = 4;

function Value({ text, words, className }: { text: string | null; words: readonly string[]; className?: string }) {
  if (text === null) return <span className="trail-empty">（空）</span>;
  return (
    <span className={className}>
      <Highlight text={text} words={words} />
    </span>
  );
}

/** One changed field: 主题：旧 → 新, or 出席人员：+王五 −李四 修改 … */
function ChangeLine({ change, words }: { change: FieldChange; words: readonly string[] }) {
  const list = change.added || change.removed || change.changed;
  let body: ReactNode;
  if (list) {
    body = (
      <>
        {(change.added ?? []).map((text, index) => (
          <span key={`a${index}`} className="trail-added">
            +<Highlight text={text} words={words} />
          </span>
        ))}
        {(change.removed ?? []).map((text, index) => (
          <span key={`r${index}`} className="trail-removed">
            −<Highlight text={text} words={words} />
          </span>
        ))}
        {(change.changed ?? []).map((text, index) => (
          <span key={`c${index}`} className="trail-changed">
            修改 <Highlight text={text} words={words} />
          </span>
        ))}
      </>
    );
  } else {
    body = (
      <>
        <Value text={change.from} words={words} className={change.from !== null && change.to !== null ? 'trail-from' : undefined} /> → <Value text={change.to} words={words} />
      </>
    );
  }
  return (
    <li data-testid="trail-change">
      <span className="trail-field">{change.label}：</span>
      {body}
    </li>
  );
}

/** One entry of the trail: when, what was done (and how, e.g. 导入), and each field old → new. */
export function EditTrailEntryView({ entry, words = [], title }: { entry: EditTrailEntry; words?: readonly string[]; title?: ReactNode }) {
  const foldable = entry.action !== 'update' && entry.changes.length > FOLD_AFTER;
  const [unfolded, setUnfolded] = useState(false);
  const shown = foldable && !unfolded ? [] : entry.changes;
  return (
    <div data-testid="trail-entry">
      <div className="trail-entry-head">
        <span className="trail-entry-time">{formatTrailTime(entry.at)}</span>
        <Tag color={ACTION_COLORS[entry.action]} bordered={false}>
          {EDIT_ACTION_LABELS[entry.action]}
        </Tag>
        {title}
        {entry.note && (
          <span className="trail-entry-note">
            <Highlight text={entry.note} words={words} />
          </span>
        )}
        {entry.action === 'restore' && <span className="trail-entry-note">恢复为删除前的内容</span>}
        {foldable && (
          <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => setUnfolded(!unfolded)}>
            {unfolded ? '收起' : `${entry.action === 'create' ? '填写了' : '删除时有'} ${entry.changes.length} 项，查看`}
          </Button>
        )}
      </div>
      {shown.length > 0 && (
        <ul className="trail-changes">
          {shown.map((change) => (
            <ChangeLine key={change.field} change={change} words={words} />
          ))}
        </ul>
      )}
    </div>
  );
}
