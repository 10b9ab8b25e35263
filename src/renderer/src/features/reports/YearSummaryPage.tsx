import { FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Popconfirm, Segmented, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { YearSummaryDraft } from '../../../../shared/contract/reports';
import { DOCUMENT_PRESET_LABELS, DOCUMENT_PRESETS, type DocumentPreset } from '../../../../shared/domain/documentPresets';
import { chineseNumberHeading, percentText, type YearSummarySection } from '../../../../shared/domain/yearSummary';
import { useExportYearSummary, useRegenerateYearSummary, useSaveYearSummary, useYearSummaryDraft } from '../../api/reports';
import { useDebounced } from '../../lib/useDebounced';
import { useSaveGenerated } from '../../lib/useSaveGenerated';
import './reports.css';

/** A summary is written for a finished year: from November on the current one, before that the last. */
function defaultYear(now = new Date()): number {
  return now.getMonth() >= 10 ? now.getFullYear() : now.getFullYear() - 1;
}

/** 年度工作总结 (#/reports/summary?year=2025): a draft from the year's records, edited here, exported to Word. */
export function YearSummaryPage() {
  const [params, setParams] = useSearchParams();
  const currentYear = new Date().getFullYear();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 1921 && asked <= currentYear ? asked : defaultYear();
  const years = [currentYear, currentYear - 1, currentYear - 2];
  const draft = useYearSummaryDraft(year);
  const chooser = (
    <Segmented<number> aria-label="年度" value={year} onChange={(value) => setParams({ year: String(value) })} options={[...new Set([...years, year])].sort((a, b) => b - a).map((value) => ({ value, label: `${value}年` }))} />
  );
  return (
    <div>
      <div className="page-title">
        <Typography.Title level={4}>{year}年度工作总结</Typography.Title>
        {chooser}
      </div>
      {draft.isError ? (
        <Card>
          <Empty description={<span data-testid="summary-notice">{draft.error.message}</span>} />
        </Card>
      ) : !draft.data ? (
        <Card loading />
      ) : (
        <SummaryEditor key={year} draft={draft.data} />
      )}
    </div>
  );
}

function SummaryEditor({ draft }: { draft: YearSummaryDraft }) {
  const { message } = App.useApp();
  const saveGenerated = useSaveGenerated();
  const regenerate = useRegenerateYearSummary();
  const save = useSaveYearSummary();
  const exportWord = useExportYearSummary();
  const [sections, setSections] = useState<YearSummarySection[]>(draft.sections);
  const [preset, setPreset] = useState<DocumentPreset>('gbt9704');
  const [savedAt, setSavedAt] = useState<string | null>(draft.savedAt);
  const [edited, setEdited] = useState(false);
  const settled = useDebounced(sections, 600);
  const lastSaved = useRef(JSON.stringify(draft.sections));
  const { year, facts } = draft;

  // Edits are kept in the branch's data (not the browser), a moment after typing stops.
  useEffect(() => {
    const json = JSON.stringify(settled);
    if (!edited || json === lastSaved.current) return;
    save(year, settled).then(
      (result) => {
        lastSaved.current = json;
        setSavedAt(result.savedAt);
      },
      (error: Error) => message.error(error.message),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- saves when the settled text changes
  }, [settled]);

  const change = (index: number, text: string) => {
    setEdited(true);
    setSections((current) => current.map((section, at) => (at === index ? { ...section, paragraphs: text.split('\n') } : section)));
  };

  const rebuild = async () => {
    try {
      const fresh = await regenerate.mutateAsync({ year, regenerate: true });
      setEdited(true);
      setSections(fresh.sections);
      message.success('已按记录重新生成草稿');
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const exportDocx = () =>
    saveGenerated(async () => {
      // What is exported is what is shown: saved first, so a quick export after typing loses nothing.
      const result = await save(year, sections);
      lastSaved.current = JSON.stringify(sections);
      setSavedAt(result.savedAt);
      return exportWord.mutateAsync({ year, sections, preset });
    });

  const rate = percentText(facts.attendance.rate);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text type="secondary" data-testid="summary-facts">
            依据 {facts.records} 份组织生活记录：落实 {facts.compliance.done}/{facts.compliance.total} 项，党员参加率 {rate}，发展党员 {facts.admitted.length} 名、转正 {facts.confirmed.length} 名。
          </Typography.Text>
          <Space wrap>
            {savedAt ? <Tag color="green">修改已自动保存</Tag> : <Tag>由记录生成的草稿</Tag>}
            <Segmented<DocumentPreset> aria-label="版式" value={preset} onChange={setPreset} options={DOCUMENT_PRESETS.map((value) => ({ value, label: DOCUMENT_PRESET_LABELS[value] }))} />
            <Popconfirm title="重新生成草稿？" description="将按记录重新写出全部内容，替换下面已修改的文字。" okText="重新生成" cancelText="取消" onConfirm={rebuild}>
              <Button icon={<ReloadOutlined />} loading={regenerate.isPending}>
                重新生成草稿
              </Button>
            </Popconfirm>
            <Button type="primary" icon={<FileWordOutlined />} onClick={exportDocx} loading={exportWord.isPending}>
              导出 Word
            </Button>
          </Space>
        </Space>
      </Card>
      <Alert type="info" showIcon message="草稿由本年度的记录生成，请逐段核对修改。每行是一段；以“（一）”开头的行导出为楷体小标题，以“1.”开头的行导出为加粗小标题。" />
      {sections.map((section, index) => (
        <Card key={section.key} size="small" title={chineseNumberHeading(index + 1, section.heading)} className="summary-section">
          <Input.TextArea
            aria-label={section.heading}
            value={section.paragraphs.join('\n')}
            onChange={(event) => change(index, event.target.value)}
            autoSize={{ minRows: 2, maxRows: 16 }}
          />
        </Card>
      ))}
    </Space>
  );
}
