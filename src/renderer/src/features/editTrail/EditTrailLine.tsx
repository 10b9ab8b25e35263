import { Button, Drawer, Empty, Timeline } from 'antd';
import type { EditAction } from '../../../../shared/domain/editTrail';
import { useState } from 'react';
import { EDIT_TRAIL_ENTITY_LABELS, type EditTrailEntityType } from '../../../../shared/contract/editTrail';
import { useEntityTrail } from '../../api/editTrail';
import { EditTrailEntryView } from './EditTrailEntryView';
import { formatTrailTime } from './trailFormat';
import './editTrail.css';

const TRAIL_DOT_COLORS: Record<EditAction, string> = { create: '#52c41a', update: '#1677ff', delete: '#ff4d4f', restore: '#faad14' };

/**
 * The quiet line on a record's page, “最后修改于 2026-11-30 10:12，共 3 次修改”, opening a drawer with
 * the record's trail, newest first. Nothing shows until the record has a trail.
 */
export function EditTrailLine({ entityType, entityId }: { entityType: EditTrailEntityType; entityId: number }) {
  const trail = useEntityTrail(entityType, entityId);
  const [open, setOpen] = useState(false);
  const data = trail.data;
  if (!data || data.count === 0 || !data.lastChangedAt) return null;
  return (
    <div className="edit-trail-line-row">
      <Button type="link" size="small" className="edit-trail-line" onClick={() => setOpen(true)} data-testid="edit-trail-line">
        最后修改于 {formatTrailTime(data.lastChangedAt)}，共 {data.count} 次修改
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size={640}
        title={`修改记录：${data.entries[0]?.label ?? EDIT_TRAIL_ENTITY_LABELS[entityType]}`}
        data-testid="edit-trail-drawer"
      >
        {data.entries.length === 0 ? (
          <Empty description="还没有修改记录" />
        ) : (
          <Timeline items={data.entries.map((entry) => ({ key: entry.id, color: TRAIL_DOT_COLORS[entry.action], content: <EditTrailEntryView entry={entry} /> }))} />
        )}
      </Drawer>
    </div>
  );
}
