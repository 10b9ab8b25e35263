import { DownOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import { DOCUMENT_PRESET_LABELS, type DocumentPreset } from '../../../../shared/domain/documentPresets';
import { useExportComplianceDocx, useExportComplianceXlsx } from '../../api/complianceMatrix';
import { useSaveGenerated } from '../../lib/useSaveGenerated';

/** 年度落实情况表 of the year shown: Excel (台账 layout) or a printable Word table (公文 layout by default). */
export function ComplianceExportButtons({ year }: { year: number }) {
  const exportXlsx = useExportComplianceXlsx();
  const exportDocx = useExportComplianceDocx();

  const save = useSaveGenerated();
  const word = (preset: DocumentPreset) => save(() => exportDocx.mutateAsync({ year, preset }));
  const presets = Object.keys(DOCUMENT_PRESET_LABELS) as DocumentPreset[];

  return (
    <Space>
      <Button loading={exportXlsx.isPending} onClick={() => void save(() => exportXlsx.mutateAsync({ year }))}>
        <FileExcelOutlined /> 导出 Excel
      </Button>
      <Dropdown.Button
        icon={<DownOutlined />}
        loading={exportDocx.isPending}
        onClick={() => void word('gbt9704')}
        menu={{ items: presets.map((preset) => ({ key: preset, label: `Word 表格（${DOCUMENT_PRESET_LABELS[preset]}）` })), onClick: ({ key }) => void word(key as DocumentPreset) }}
      >
        <FileWordOutlined /> 导出 Word
      </Dropdown.Button>
    </Space>
  );
}
