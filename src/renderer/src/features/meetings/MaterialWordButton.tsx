import { FileWordOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useExportDemocraticReviewDocx, useExportOrgLifeDocx } from '../../api/reports';
import { useSaveGenerated } from '../../lib/useSaveGenerated';

/**
 * 导出 Word of a meeting's special material (组织生活会材料 or 民主评议结果), in the 公文 layout.
 * What is exported is what was saved; a card with unsaved edits says so before (the core refuses an
 * empty material with a Chinese notice that the toast shows).
 */
export function MaterialWordButton({ meetingId, kind }: { meetingId: number; kind: 'orgLife' | 'democraticReview' }) {
  const orgLife = useExportOrgLifeDocx();
  const review = useExportDemocraticReviewDocx();
  const save = useSaveGenerated();
  const pending = kind === 'orgLife' ? orgLife.isPending : review.isPending;
  const run = () =>
    save(() => (kind === 'orgLife' ? orgLife.mutateAsync({ meetingId, preset: 'gbt9704' }) : review.mutateAsync({ meetingId, preset: 'gbt9704' })));
  return (
    <Button size="small" icon={<FileWordOutlined />} loading={pending} onClick={() => void run()}>
      导出 Word
    </Button>
  );
}
