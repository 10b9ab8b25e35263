import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { DocumentPreset } from '../../../../shared/domain/documentPresets';
import { useExportAssessmentDocx, useExportAssessmentXlsx } from '../../api/assessments';
import { WordPresetButton } from '../../components/WordPresetButton';
import { useSaveGenerated } from '../../lib/useSaveGenerated';

/** 自评打分表 (Excel) and 自评报告 (Word, 公文 layout by default) of one assessment; pending edits are saved first. */
export function AssessmentExportButtons({ id, beforeExport }: { id: number; beforeExport: () => Promise<void> }) {
  const exportXlsx = useExportAssessmentXlsx();
  const exportDocx = useExportAssessmentDocx();
  const save = useSaveGenerated();
  const word = (preset: DocumentPreset) =>
    save(async () => {
      await beforeExport();
      return exportDocx.mutateAsync({ id, preset });
    });

  return (
    <Space>
      <Button
        icon={<FileExcelOutlined />}
        loading={exportXlsx.isPending}
        onClick={() =>
          void save(async () => {
            await beforeExport();
            return exportXlsx.mutateAsync({ id });
          })
        }
      >
        导出打分表
      </Button>
      <WordPresetButton menuLabel="自评报告" loading={exportDocx.isPending} onExport={(preset) => void word(preset)}>
        导出自评报告
      </WordPresetButton>
    </Space>
  );
}
