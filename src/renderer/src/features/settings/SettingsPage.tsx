import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { DataSafetySection } from './DataSafetySection';
import { DocumentPresetsSection } from './DocumentPresetsSection';
import { PrivacySection } from './PrivacySection';
import { RulePacksSection } from './RulePacksSection';
import { EditTrailSection } from '../editTrail/EditTrailSection';
import './settings.css';

/**
 * The sections of 设置, in order. Each is a card of its own (title, id for links like
 * #/settings#settings-rules); later issues add theirs here (数据安全, issue 8).
 */
const SECTIONS: { key: string; element: ReactNode }[] = [
  { key: 'rules', element: <RulePacksSection /> },
  { key: 'data-safety', element: <DataSafetySection /> },
  { key: 'privacy', element: <PrivacySection /> },
];
SECTIONS.push({ key: 'edit-trail', element: <EditTrailSection /> });
SECTIONS.splice(1, 0, { key: 'document-presets', element: <DocumentPresetsSection /> });

/** 设置 (#/settings): how the app judges and keeps this branch's data. */
export function SettingsPage() {
  return (
    <div>
      <div className="page-title">
        <Typography.Title level={4}>设置</Typography.Title>
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {SECTIONS.map((section) => (
          <div key={section.key} id={`settings-${section.key}`}>
            {section.element}
          </div>
        ))}
      </Space>
    </div>
  );
}
