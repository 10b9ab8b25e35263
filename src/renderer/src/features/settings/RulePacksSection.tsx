import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { RulePackView } from '../../../../shared/contract/rulePacks';
import {
  describeOverride,
  formatWindow,
  RULE_PERIOD_LABELS,
  RULE_SCOPE_LABELS,
  RULE_SEVERITY_LABELS,
  type EffectiveRule,
  type OverridableField,
} from '../../../../shared/domain/rulePacks';
import { useChooseRulePack, useClearRuleOverride, useImportRulePack, useRulePacks } from '../../api/rulePacks';
import { fileToBase64 } from '../../lib/download';
import { RuleOverrideModal } from './RuleOverrideModal';

/** How a rule's count reads: coverage rules (谈心谈话) are judged over pairs of people, not by counting. */
export function minimumText(rule: Pick<EffectiveRule, 'kind' | 'minimum'>): string {
  return rule.kind === 'coverage' ? '两两谈到' : `至少 ${rule.minimum} 次`;
}

const FIELD_TEXT: Record<OverridableField, (rule: Pick<EffectiveRule, 'period' | 'minimum' | 'severity' | 'window' | 'kind'>) => string> = {
  period: (rule) => RULE_PERIOD_LABELS[rule.period],
  minimum: minimumText,
  severity: (rule) => RULE_SEVERITY_LABELS[rule.severity],
  window: (rule) => (rule.window ? formatWindow(rule.window) : '不限'),
};

/** A cell of an overridden field shows the branch's value and, struck through, the pack's. */
function Value({ rule, field }: { rule: EffectiveRule; field: OverridableField }) {
  const now = FIELD_TEXT[field](rule);
  const original = rule.overridden?.fields.includes(field) ? FIELD_TEXT[field]({ ...rule, ...rule.overridden.original }) : null;
  return (
    <>
      <span>{now}</span>
      {original !== null && <span className="rule-was" title="规则包原规定">{original}</span>}
    </>
  );
}

/** 设置 ▸ 组织生活规则: the pack the branch is checked against, its rules, and the branch's adjustments. */
export function RulePacksSection() {
  const { message, modal } = App.useApp();
  const packs = useRulePacks();
  const choose = useChooseRulePack();
  const clear = useClearRuleOverride();
  const importPack = useImportRulePack();
  const [editing, setEditing] = useState<EffectiveRule | null>(null);

  if (packs.isError) return <Alert type="error" showIcon message="无法读取组织生活规则" description={packs.error.message} />;
  const data = packs.data;
  if (!data) return <Card title="组织生活规则" loading />;
  const chosen = data.packs.find((pack) => pack.chosen) ?? null;

  const choosePack = async (pack: RulePackView) => {
    try {
      await choose.mutateAsync({ packId: pack.id });
      message.success(`已改用“${pack.name}”，首页和落实情况按它的规则检查`);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const restore = async (rule: { id: string; label: string }) => {
    try {
      await clear.mutateAsync({ ruleId: rule.id });
      message.success(`已恢复默认：${rule.label}`);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const importFile = async (file: File) => {
    try {
      const result = await importPack.mutateAsync({ fileName: file.name, contentBase64: await fileToBase64(file) });
      const added = result.packs.filter((pack) => pack.source === 'imported').at(-1);
      message.success(added ? `已导入规则包“${added.name}”，可在下方选用` : '已导入规则包');
    } catch (error) {
      modal.error({ title: '规则包未导入', content: (error as Error).message, width: 560 });
    }
    return false;
  };

  const columns: ColumnsType<EffectiveRule> = [
    {
      title: '类型',
      key: 'label',
      width: 200,
      render: (_value, rule) => (
        <div>
          <Space size={4} wrap>
            <span className="rule-label">{rule.label}</span>
            {rule.disabled ? <Tag>已停用</Tag> : rule.overridden && <Tag color="gold">已调整</Tag>}
          </Space>
          {rule.overridden && <span className="rule-override-line">{describeOverride(rule)}</span>}
        </div>
      ),
    },
    { title: '周期', key: 'period', width: 80, render: (_value, rule) => <Value rule={rule} field="period" /> },
    { title: '最少次数', key: 'minimum', width: 90, render: (_value, rule) => <Value rule={rule} field="minimum" /> },
    {
      title: '范围',
      key: 'scope',
      width: 110,
      render: (_value, rule) => (
        <>
          <div>{RULE_SCOPE_LABELS[rule.scope]}</div>
          {rule.condition === 'hasCommittee' && <div className="rule-note">仅设支委会的支部</div>}
        </>
      ),
    },
    { title: '通常安排在', key: 'window', width: 100, render: (_value, rule) => <Value rule={rule} field="window" /> },
    { title: '要求', key: 'severity', width: 64, render: (_value, rule) => <Value rule={rule} field="severity" /> },
    {
      title: '依据',
      key: 'source',
      render: (_value, rule) => (
        <>
          <Typography.Paragraph className="rule-source" ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (expanded) => (expanded ? '收起' : '展开') }}>
            {rule.source}
          </Typography.Paragraph>
          {rule.note && <div className="rule-note">{rule.note}</div>}
        </>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_value, rule) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(rule)} aria-label={`修改${rule.label}`}>
            修改
          </Button>
          {rule.overridden && (
            <Popconfirm
              title={`恢复“${rule.label}”的默认规定？`}
              description={`恢复为：${RULE_PERIOD_LABELS[rule.overridden.original.period]}${minimumText({ ...rule, ...rule.overridden.original })}`}
              okText="恢复默认"
              cancelText="取消"
              onConfirm={() => restore(rule)}
            >
              <Button type="link" size="small" aria-label={`恢复默认${rule.label}`}>
                恢复默认
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="组织生活规则"
      extra={
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={importFile}>
          <Button icon={<UploadOutlined />} loading={importPack.isPending}>
            导入规则包…
          </Button>
        </Upload>
      }
    >
      <Typography.Paragraph type="secondary">
        首页提醒、年度落实情况和年度计划都按这里选定的规则检查。规则包随软件提供，也可导入上级下发的规则包；本支部可以调整单条规则，调整过的规则标有“已调整”，随时可以恢复默认。
      </Typography.Paragraph>
      {data.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="有规则包文件未能载入，正在使用的规则不受影响"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {data.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          }
        />
      )}
      <Radio.Group
        className="rule-pack-choices"
        aria-label="规则包"
        value={data.chosenId}
        disabled={choose.isPending}
        onChange={(event) => {
          const pack = data.packs.find((item) => item.id === event.target.value);
          if (pack) void choosePack(pack);
        }}
      >
        {data.packs.map((pack) => (
          <Radio key={pack.id} value={pack.id} className="rule-pack-choice" data-testid={`rule-pack-${pack.id}`}>
            <div className="rule-pack-name">
              {pack.name}
              <Tag bordered={false}>第 {pack.version} 版</Tag>
              {pack.source === 'imported' && <Tag color="blue">导入</Tag>}
              {pack.chosen && <Tag color="red">正在使用</Tag>}
            </div>
            <Typography.Paragraph className="rule-pack-description" ellipsis={{ rows: 3, tooltip: pack.description }} style={{ marginBottom: 0 }}>
              {pack.description}
            </Typography.Paragraph>
          </Radio>
        ))}
      </Radio.Group>
      {chosen && chosen.notes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="本支部的部分调整不适用于新版规则包，没有生效"
          description={
            <Space direction="vertical" size={4}>
              {chosen.notes.map((note) => (
                <div key={note.ruleId || note.message}>
                  {note.message}
                  {note.ruleId && (
                    <Button type="link" size="small" onClick={() => restore({ id: note.ruleId, label: note.ruleId })}>
                      删除这项调整
                    </Button>
                  )}
                </div>
              ))}
            </Space>
          }
        />
      )}
      {chosen && (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            “{chosen.name}”的规则
          </Typography.Title>
          <Table<EffectiveRule>
            className="rule-table"
            data-testid="rule-table"
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={chosen.rules}
            rowClassName={(rule) => (rule.disabled ? 'rule-disabled' : '')}
          />
        </>
      )}
      {editing && chosen && <RuleOverrideModal rule={editing} pack={chosen} onClose={() => setEditing(null)} />}
    </Card>
  );
}
