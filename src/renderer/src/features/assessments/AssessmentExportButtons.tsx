import { DownOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import { DOCUMENT_PRESET_LABELS, type DocumentPreset } from '../../../../shared/domain/documentPresets';
import { useExportAssessmentDocx, useExportAssessmentXlsx } from '../../api/assessments';
import { useSaveGenerated } from '../../lib/useSaveGenerated';

/** 自评打分表 (Excel) and 自评报告 (Word, 公文 layout by default) of one assessment; pending edits are saved first. */
export function AssessmentExportButtons({ id, beforeExport }: { id: number; beforeExport: () => Promise<void> }) {
  const exportXlsx = useExportAssessmentXlsx();
  const exportDocx = useExportAssessmentDocx();
  const save = useSaveGenerated();
  const presets = Object.keys(DOCUMENT_PRESET_LABELS) as DocumentPreset[];
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
      <Dropdown.Button
        icon={<DownOutlined />}
        loading={exportDocx.isPending}
        onClick={() => void word('gbt9704')}
        menu={{ items: presets.map((preset) => ({ key: preset, label: `自评报告（${DOCUMENT_PRESET_LABELS[preset]}）` })), onClick: ({ key }) => void word(key as DocumentPreset) }}
      >
        <FileWordOutlined /> 导出自评报告
      </Dropdown.Button>
    </Space>
  );
}
