import { Alert, App, Checkbox, Form, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import type { RulePackView } from '../../../../shared/contract/rulePacks';
import {
  applyOverrides,
  describeOverride,
  formatWindow,
  RULE_PERIOD_LABELS,
  RULE_PERIODS,
  RULE_SEVERITIES,
  RULE_SEVERITY_LABELS,
  type EffectiveRule,
  type Rule,
  type RuleOverride,
} from '../../../../shared/domain/rulePacks';
import { useSetRuleOverride } from '../../api/rulePacks';
import { showServerProblems } from '../../lib/forms';
import { minimumText } from './RulePacksSection';

interface Values {
  period: Rule['period'];
  minimum: number | null;
  severity: Rule['severity'];
  /** Empty = no usual months. */
  window: number[];
  disabled: boolean;
}

const MONTHS = Array.from({ length: 12 }, (_, index) => ({ value: index + 1, label: `${index + 1}月` }));

/** The rule as the pack ships it (the override form compares against this, not the current values). */
function originalOf(rule: EffectiveRule): Rule {
  const { disabled: _disabled, overridden, ...current } = rule;
  return overridden ? { ...current, ...overridden.original } : current;
}

const sameMonths = (a: readonly number[], b: readonly number[] | undefined) => {
  const left = [...a].sort((x, y) => x - y);
  const right = [...(b ?? [])].sort((x, y) => x - y);
  return left.length === right.length && left.every((month, index) => month === right[index]);
};

/** Only what differs from the pack is sent; the same values as the pack mean “no adjustment”. */
function overrideFrom(original: Rule, values: Values): RuleOverride {
  const override: RuleOverride = { ruleId: original.id };
  if (values.period !== original.period) override.period = values.period;
  if (values.minimum !== original.minimum) override.minimum = values.minimum ?? 0;
  if (values.severity !== original.severity) override.severity = values.severity;
  if (!sameMonths(values.window, original.window)) override.window = values.window.length ? values.window : null;
  if (values.disabled) override.disabled = true;
  return override;
}

/**
 * 修改 one rule for this branch: period, minimum, 要求, usual months, or not checked at all. The
 * form judges with the same applyOverrides the service uses, so a refusal shows before saving.
 * Mount only while open.
 */
export function RuleOverrideModal({ rule, pack, onClose }: { rule: EffectiveRule; pack: RulePackView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetRuleOverride();
  const original = originalOf(rule);
  const coverage = rule.kind === 'coverage';
  const watched = Form.useWatch([], form) as Values | undefined;
  const values: Values = watched?.period
    ? watched
    : { period: rule.period, minimum: rule.minimum, severity: rule.severity, window: rule.window ?? [], disabled: rule.disabled };

  // The pack reduced to this one rule, as shipped: the check and the preview need nothing else.
  const override = overrideFrom(original, values);
  const checked = applyOverrides({ id: pack.id, name: pack.name, version: pack.version, description: pack.description, rules: [original] }, [override]);
  const preview = checked.ok ? describeOverride(checked.value.rules[0]) : null;

  const submit = async () => {
    if (!checked.ok) return;
    try {
      await save.mutateAsync(override);
      message.success(preview ? `已调整：${rule.label}` : `“${rule.label}”与规则包规定相同，无需调整`);
      onClose();
    } catch (error) {
      if (!showServerProblems(form, error)) message.error((error as Error).message);
    }
  };

  return (
    <Modal
      title={`调整规则：${rule.label}`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存调整"
      okButtonProps={{ disabled: !checked.ok }}
      confirmLoading={save.isPending}
      width={600}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        “{pack.name}”的规定：{RULE_PERIOD_LABELS[original.period]}
        {minimumText(original)}，{RULE_SEVERITY_LABELS[original.severity]}
        {original.window ? `，通常安排在 ${formatWindow(original.window)}` : ''}。调整只对本支部有效，随时可以恢复默认。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        initialValues={{ period: rule.period, minimum: rule.minimum, severity: rule.severity, window: rule.window ?? [], disabled: rule.disabled }}
        onFinish={submit}
      >
        <Form.Item label="周期" name="period" extra={coverage ? '谈心谈话按两两是否谈到统计，只能调整要求或停用。' : undefined}>
          <Radio.Group
            optionType="button"
            disabled={coverage || values.disabled}
            options={RULE_PERIODS.map((period) => ({ value: period, label: RULE_PERIOD_LABELS[period] }))}
          />
        </Form.Item>
        <Form.Item label="最少次数" name="minimum">
          <InputNumber min={1} max={31} precision={0} addonAfter="次" style={{ width: 140 }} disabled={coverage || values.disabled} />
        </Form.Item>
        <Form.Item label="要求" name="severity">
          <Radio.Group disabled={values.disabled} options={RULE_SEVERITIES.map((severity) => ({ value: severity, label: severity === 'required' ? '必须（未完成记为逾期）' : '建议（仅作提醒）' }))} />
        </Form.Item>
        <Form.Item label="通常安排在" name="window" extra="不选表示全年任何时候都可以。">
          <Select mode="multiple" allowClear placeholder="不限" options={MONTHS} disabled={coverage || values.disabled} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="停用" name="disabled" valuePropName="checked">
          <Checkbox>本支部不检查这条规则</Checkbox>
        </Form.Item>
      </Form>
      {!checked.ok && <Alert type="error" showIcon message="这样调整不行" description={checked.errors.map((error) => error.replace(/^“[^”]*”：/, '')).join('；')} />}
      {checked.ok && (
        <div className="rule-override-preview" data-testid="override-preview">
          {preview ?? '与规则包规定相同（保存后即为默认规定）'}
        </div>
      )}
    </Modal>
  );
}
