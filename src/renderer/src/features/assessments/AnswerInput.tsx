import { InputNumber, Segmented, Select, Typography } from 'antd';
import type { IndicatorAnswer } from '../../../../shared/domain/rubricScoring';
import type { Scoring } from '../../../../shared/domain/rubricTemplate';

const fmt = (value: number) => String(Math.round(value * 100) / 100);

/** How an answer reads in a locked assessment and in the evidence drawer. */
export function describeAnswer(answer: IndicatorAnswer | null, scoring: Scoring): string {
  if (!answer) return '未填写';
  switch (answer.kind) {
    case 'yesNo':
      return answer.value ? '是' : '否';
    case 'count':
      return scoring.type === 'countTarget' ? `${answer.value} 次（目标 ${scoring.target} 次）` : `${answer.value} 次`;
    case 'ratio':
      return `${fmt(answer.value * 100)}%`;
    case 'grade':
      return answer.label;
    case 'occurrences':
      return `${answer.value} 处问题`;
    case 'items':
      return `${answer.value} 项`;
  }
}

interface AnswerInputProps {
  scoring: Scoring;
  value: IndicatorAnswer | null;
  onChange: (value: IndicatorAnswer | null) => void;
  /** The indicator's text, for the accessible name. */
  label: string;
}

/**
 * The answer in the indicator's own terms (是/否, 次数, 比例, 档次, 问题处数, 加分项数): the engine turns
 * it into points, so a manual indicator is scored without an "override" that would need a note.
 */
export function AnswerInput({ scoring, value, onChange, label }: AnswerInputProps) {
  const number = value && 'value' in value && typeof value.value === 'number' ? value.value : null;
  switch (scoring.type) {
    case 'yesNo':
      return (
        <Segmented<string>
          size="small"
          aria-label={`${label}：是否达到`}
          value={value?.kind === 'yesNo' ? (value.value ? 'yes' : 'no') : ''}
          options={[
            { value: 'yes', label: '是' },
            { value: 'no', label: '否' },
          ]}
          onChange={(picked) => onChange({ kind: 'yesNo', value: picked === 'yes' })}
        />
      );
    case 'graded':
      return (
        <Select<string>
          size="small"
          aria-label={`${label}：档次`}
          placeholder="选择档次"
          allowClear
          style={{ width: 140 }}
          value={value?.kind === 'grade' ? value.label : undefined}
          options={scoring.levels.map((level) => ({ value: level.label, label: `${level.label}（${fmt(level.points)}分）` }))}
          onChange={(picked) => onChange(picked ? { kind: 'grade', label: picked } : null)}
        />
      );
    case 'ratio':
      return (
        <InputNumber
          size="small"
          aria-label={`${label}：比例`}
          min={0}
          max={100}
          precision={1}
          suffix="%"
          style={{ width: 110 }}
          value={number === null ? null : Math.round(number * 1000) / 10}
          onChange={(percent) => onChange(percent === null ? null : { kind: 'ratio', value: Math.round(percent * 10) / 1000 })}
        />
      );
    default: {
      const kind = scoring.type === 'countTarget' ? 'count' : scoring.type === 'deduction' ? 'occurrences' : 'items';
      const unit = scoring.type === 'countTarget' ? '次' : scoring.type === 'deduction' ? '处' : '项';
      return (
        <span className="answer-count">
          <InputNumber
            size="small"
            aria-label={`${label}：${scoring.type === 'deduction' ? '问题处数' : scoring.type === 'bonus' ? '加分项数' : '次数'}`}
            min={0}
            max={100000}
            precision={0}
            suffix={unit}
            style={{ width: 96 }}
            value={number}
            onChange={(count) => onChange(count === null ? null : { kind, value: count })}
          />
          {scoring.type === 'countTarget' && <Typography.Text type="secondary"> / 目标 {scoring.target}</Typography.Text>}
        </span>
      );
    }
  }
}
