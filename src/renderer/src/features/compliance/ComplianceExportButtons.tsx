import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { DocumentPreset } from '../../../../shared/domain/documentPresets';
import { useExportComplianceDocx, useExportComplianceXlsx } from '../../api/complianceMatrix';
import { WordPresetButton } from '../../components/WordPresetButton';
import { useSaveGenerated } from '../../lib/useSaveGenerated';

/** 年度落实情况表 of the year shown: Excel (台账 layout) or a printable Word table (公文 layout by default). */
export function ComplianceExportButtons({ year }: { year: number }) {
  const exportXlsx = useExportComplianceXlsx();
  const exportDocx = useExportComplianceDocx();

  const save = useSaveGenerated();
  const word = (preset: DocumentPreset) => save(() => exportDocx.mutateAsync({ year, preset }));

  return (
    <Space>
      <Button loading={exportXlsx.isPending} onClick={() => void save(() => exportXlsx.mutateAsync({ year }))}>
        <FileExcelOutlined /> 导出 Excel
      </Button>
      <WordPresetButton menuLabel="Word 表格" loading={exportDocx.isPending} onExport={(preset) => void word(preset)}>
        导出 Word
      </WordPresetButton>
    </Space>
  );
}
