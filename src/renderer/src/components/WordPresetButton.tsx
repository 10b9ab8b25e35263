import { DownOutlined, FileWordOutlined } from '@ant-design/icons';
import { Dropdown } from 'antd';
import type { ReactNode } from 'react';
import { DOCUMENT_PRESET_LABELS, DOCUMENT_PRESETS, type DocumentPreset } from '../../../shared/domain/documentPresets';

/**
 * A Word export: the button writes the 公文 layout (GB/T 9704), its menu offers every layout by name,
 * e.g. “自评报告（单位常用格式）”. One place, so every Word export offers layouts the same way.
 */
export function WordPresetButton({ children, menuLabel, loading, onExport }: { children: ReactNode; menuLabel: string; loading: boolean; onExport: (preset: DocumentPreset) => void }) {
  return (
    <Dropdown.Button
      icon={<DownOutlined />}
      loading={loading}
      onClick={() => onExport('gbt9704')}
      menu={{ items: DOCUMENT_PRESETS.map((preset) => ({ key: preset, label: `${menuLabel}（${DOCUMENT_PRESET_LABELS[preset]}）` })), onClick: ({ key }) => onExport(key as DocumentPreset) }}
    >
      <FileWordOutlined /> {children}
    </Dropdown.Button>
  );
}
