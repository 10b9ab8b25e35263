import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { DemocraticReview, ReviewRow } from '../../../../shared/contract/democraticReview';
import { excellentCapMessage, GRADES_NEEDING_NOTE, gradeCounts, REVIEW_GRADE_LABELS, REVIEW_GRADES, type ReviewGrade } from '../../../../shared/domain/democraticReview';
import { RpcError } from '../../api/client';
import { useDemocraticReview, useSaveDemocraticReview } from '../../api/democraticReview';
import { MaterialWordButton } from './MaterialWordButton';
import './specialFlows.css';

type Grades = Record<number, { grade: ReviewGrade; note: string }>;

/** 民主评议党员 of one meeting record: a grade per 正式党员, live counts and the 优秀 cap. */
export function DemocraticReviewCard({ meetingId }: { meetingId: number }) {
  const review = useDemocraticReview(meetingId);
  return (
    <Card title="民主评议党员" extra={<MaterialWordButton meetingId={meetingId} kind="democraticReview" />} style={{ marginBottom: 16 }} loading={review.isPending} data-testid="democratic-review-card">
      {review.isError && <Alert type="error" showIcon title={review.error.message} />}
      {/* A fresh form per saved version, so what is shown after saving is what was stored. */}
      {review.data && <ReviewForm key={review.data.version} review={review.data} />}
    </Card>
  );
}

function ReviewForm({ review }: { review: DemocraticReview }) {
  const { message } = App.useApp();
  const save = useSaveDemocraticReview();
  const gradable = useMemo(() => review.rows.filter((row) => row.gradable), [review.rows]);
  const others = review.rows.filter((row) => !row.gradable);
  // Not saved yet: everyone starts at 合格, the usual grade; the secretary changes the few others.
  const [grades, setGrades] = useState<Grades>(() =>
    Object.fromEntries(gradable.map((row) => [row.memberId, { grade: row.grade ?? 'qualified', note: row.note ?? '' }])),
  );
  const [serverError, setServerError] = useState<string | null>(null);

  const entries = gradable.map((row) => grades[row.memberId]);
  const counts = gradeCounts(entries);
  const capMessage = excellentCapMessage(counts.graded, counts.excellent);
  const set = (memberId: number, change: Partial<Grades[number]>) => {
    setServerError(null);
    setGrades((previous) => ({ ...previous, [memberId]: { ...previous[memberId], ...change } }));
  };

  const submit = async () => {
    try {
      await save.mutateAsync({
        meetingId: review.meetingId,
        version: review.version,
        grades: gradable.map((row) => ({ memberId: row.memberId, grade: grades[row.memberId].grade, note: grades[row.memberId].note.trim() || null })),
      });
      message.success('已保存民主评议结果');
    } catch (error) {
      const text = error instanceof RpcError ? error.message : (error as Error).message;
      setServerError(text);
      message.error({ content: `民主评议结果未保存：${text}`, duration: 8 });
    }
  };

  if (gradable.length === 0 && others.length === 0) {
    return <Typography.Text type="secondary">评议日期本支部没有党员。</Typography.Text>;
  }

  return (
    <div className="review-card">
      <Space wrap size={[16, 4]} style={{ marginBottom: 8 }} data-testid="review-counts">
        <Typography.Text strong>参评正式党员 {counts.graded} 名</Typography.Text>
        <Typography.Text type={capMessage ? 'danger' : undefined}>
          优秀 {counts.excellent} 名（最多 {counts.cap} 名）
        </Typography.Text>
        <Typography.Text>合格 {counts.qualified} 名</Typography.Text>
        <Typography.Text>基本合格 {counts.basicallyQualified} 名</Typography.Text>
        <Typography.Text>不合格 {counts.unqualified} 名</Typography.Text>
        {review.version === 0 && <Tag color="orange">尚未保存：默认均为合格</Tag>}
      </Space>
      {capMessage && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={capMessage} data-testid="review-cap" />}
      {serverError && serverError !== capMessage && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={serverError} />}
      {review.stale.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`${review.stale.map((entry) => entry.name).join('、')}已保存的等次不再计入：按目前的党员变动记录，评议当天不是本支部正式党员。再次保存时将去掉。`}
        />
      )}
      <Table<ReviewRow>
        rowKey="memberId"
        size="small"
        pagination={false}
        dataSource={gradable}
        columns={[
          { title: '序号', width: 56, render: (_value, _row, index) => index + 1 },
          { title: '姓名', dataIndex: 'name', width: 96 },
          {
            title: '等次',
            width: 330,
            render: (_value, row) => (
              <Radio.Group
                aria-label={`${row.name}的等次`}
                optionType="button"
                size="small"
                value={grades[row.memberId].grade}
                onChange={(event) => set(row.memberId, { grade: event.target.value as ReviewGrade })}
                options={REVIEW_GRADES.map((value) => ({ value, label: REVIEW_GRADE_LABELS[value] }))}
              />
            ),
          },
          {
            title: '处置意见',
            render: (_value, row) => {
              const entry = grades[row.memberId];
              if (!GRADES_NEEDING_NOTE.includes(entry.grade)) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                <Input
                  size="small"
                  aria-label={`${row.name}的处置意见`}
                  status={entry.note.trim() ? undefined : 'error'}
                  placeholder={entry.grade === 'unqualified' ? '必填，如：限期改正、劝其退党' : '必填，如：批评教育、限期改正'}
                  maxLength={200}
                  value={entry.note}
                  onChange={(event) => set(row.memberId, { note: event.target.value })}
                />
              );
            },
          },
        ]}
      />
      {others.length > 0 && (
        <div className="review-others" data-testid="review-not-graded">
          <Typography.Text strong>参加评议、不评定等次</Typography.Text>
          {groupByReason(others).map(([reason, rows]) => (
            <div key={reason}>
              {rows.map((row) => row.name).join('、')}
              <Typography.Text type="secondary">：{reason}</Typography.Text>
            </div>
          ))}
        </div>
      )}
      {/* The save button is 22 rows below the top: say it again where the secretary is looking. */}
      {(capMessage || serverError) && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={serverError ?? capMessage} data-testid="review-error-bottom" />
      )}
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 12 }}>
        <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={submit}>
          保存评议结果
        </Button>
      </div>
    </div>
  );
}

/** 预备党员 share one reason; list them on one line. */
function groupByReason(rows: readonly ReviewRow[]): [string, ReviewRow[]][] {
  const groups = new Map<string, ReviewRow[]>();
  for (const row of rows) groups.set(row.notGradedReason ?? '', [...(groups.get(row.notGradedReason ?? '') ?? []), row]);
  return [...groups.entries()];
}
