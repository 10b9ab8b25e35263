import { Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { DataSafetySection } from './DataSafetySection';
import { DocumentPresetsSection } from './DocumentPresetsSection';
import { PrivacySection } from './PrivacySection';
import { RulePacksSection } from './RulePacksSection';
import { EditTrailSection } from '../editTrail/EditTrailSection';
import './settings.css';

/**
 * The sections of 设置, in order. Each is a card of its own (title, id for links like
 * #/settings#settings-rules); a feature adds its section with one line here.
 */
const SECTIONS: { key: string; label: string; element: ReactNode }[] = [
  { key: 'rules', label: '规则', element: <RulePacksSection /> },
  { key: 'data-safety', label: '数据安全', element: <DataSafetySection /> },
  { key: 'privacy', label: '隐私与密码', element: <PrivacySection /> },
];
SECTIONS.push({ key: 'edit-trail', label: '修改记录', element: <EditTrailSection /> });
SECTIONS.splice(1, 0, { key: 'document-presets', label: '文书格式', element: <DocumentPresetsSection /> });

/** 设置 (#/settings): how the app judges and keeps this branch's data. */
export function SettingsPage() {
  return (
    <div>
      <div className="page-title">
        <Typography.Title level={4}>设置</Typography.Title>
        {/* The rules table is long: one click to each section below it. */}
        <nav aria-label="设置分区" className="settings-nav">
          {SECTIONS.map((section) => (
            <Button key={section.key} type="link" size="small" onClick={() => document.getElementById(`settings-${section.key}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>
              {section.label}
            </Button>
          ))}
        </nav>
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
