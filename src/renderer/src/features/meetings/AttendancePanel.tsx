import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Button, Empty, Input, Radio, Select, Space, Spin, Tag, Typography } from 'antd';
import type { ExpectedPerson, MeetingAssessment } from '../../../../shared/contract/meetings';
import { ExclusionsControl, type Exclusion } from './ExclusionsControl';
import { MakeupPopover } from './MakeupPopover';
import { LEAVE_KIND_LABELS, LEAVE_KINDS, type AttendanceStatus, type LeaveKind } from '../../../../shared/domain/meetingTypes';

/** One person's attendance as the form holds it; 补学 fields of a saved record are kept as they were. */
export interface AttendanceEntry {
  memberId: number;
  status: AttendanceStatus;
  leaveKind?: LeaveKind | null;
  reason?: string | null;
  makeupOn?: string | null;
  makeupBy?: string | null;
  makeupMethod?: string | null;
}

export type AttendanceMap = Record<number, AttendanceEntry>;

const STATUS_OPTIONS: { value: AttendanceStatus; label: string }[] = [
  { value: 'present', label: '出席' },
  { value: 'leave', label: '请假' },
  { value: 'absent', label: '缺席' },
];

interface Props {
  /**
   * The service's answer for the draft (meetings:check): 应到, the counts of the statuses marked and
   * the quorum verdict, the same as saving stores. Undefined until 会议类型 and 召开日期 (and the 党小组
   * of a 党小组会) are chosen.
   */
  assessment: MeetingAssessment | undefined;
  waitingFor: string | null;
  loading: boolean;
  attendance: AttendanceMap;
  onChange: (next: AttendanceMap) => void;
  /** 召开日期, the earliest a 补学 can be. */
  heldOn: string | null;
  exclusions: Exclusion[];
  onExclusionsChange: (next: Exclusion[]) => void;
}

/** 出席情况: the proposed 应到 split 正式/预备, one 出席/请假/缺席 switch each, the counts and the quorum. */
export function AttendancePanel({ assessment, waitingFor, loading, attendance, onChange, heldOn, exclusions, onExclusionsChange }: Props) {
  if (waitingFor) return <Typography.Text type="secondary">{waitingFor}</Typography.Text>;
  if (!assessment) return <Spin />;
  const { expected, excluded, counts, quorum } = assessment;
  if (expected.length === 0 && excluded.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="按所选会议类型和日期，没有应到人员（谈心谈话不统计应到）。" />;
  }
  const set = (memberId: number, change: Partial<AttendanceEntry>) => {
    const previous = attendance[memberId] ?? { memberId, status: 'present' };
    const next: AttendanceEntry = { ...previous, ...change };
    // Only a leave has a kind; someone present has nothing to catch up on.
    if (next.status !== 'leave') next.leaveKind = null;
    if (next.status === 'present') Object.assign(next, { reason: null, makeupOn: null, makeupBy: null, makeupMethod: null });
    onChange({ ...attendance, [memberId]: next });
  };
  const allPresent = () => onChange(Object.fromEntries(expected.map((person) => [person.memberId, { memberId: person.memberId, status: 'present' as const }])));
  const full = expected.filter((person) => person.category === 'full');
  const probationary = expected.filter((person) => person.category === 'probationary');

  return (
    <Spin spinning={loading}>
      <div className="page-title" style={{ marginBottom: 12 }}>
        <Typography.Text strong style={{ fontSize: 15 }} data-testid="attendance-summary">
          应到 {counts.expected} 名（正式 {counts.expectedFull}、预备 {counts.expectedProbationary}），实到 {counts.present} 名（正式 {counts.presentFull}、预备{' '}
          {counts.presentProbationary}）
          {counts.leave > 0 && `，请假 ${counts.leave} 名`}
          {counts.absent > 0 && `，缺席 ${counts.absent} 名`}
        </Typography.Text>
        <Button onClick={allPresent} disabled={expected.every((person) => (attendance[person.memberId]?.status ?? 'present') === 'present')}>
          全部出席
        </Button>
      </div>
      {quorum && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type={quorum.valid ? 'success' : 'danger'}>
            {quorum.valid ? <CheckCircleFilled /> : <CloseCircleFilled />} {quorum.explanation}
          </Typography.Text>
        </div>
      )}
      <PeopleGroup title="正式党员" people={full} attendance={attendance} set={set} heldOn={heldOn} />
      <PeopleGroup title="预备党员" people={probationary} attendance={attendance} set={set} heldOn={heldOn} />
      <ExclusionsControl expected={expected} excluded={excluded} exclusions={exclusions} onChange={onExclusionsChange} />
    </Spin>
  );
}

function PeopleGroup({
  title,
  people,
  attendance,
  set,
  heldOn,
}: {
  title: string;
  people: ExpectedPerson[];
  attendance: AttendanceMap;
  set: (memberId: number, change: Partial<AttendanceEntry>) => void;
  heldOn: string | null;
}) {
  if (people.length === 0) return null;
  return (
    <section aria-label={title}>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
        {title}（{people.length} 名）
      </Typography.Text>
      <div className="attendance-grid">
        {people.map((person) => {
          const entry = attendance[person.memberId] ?? { memberId: person.memberId, status: 'present' as const };
          const away = entry.status !== 'present';
          return (
            <div
              key={person.memberId}
              className={`attendance-person${entry.status === 'leave' ? ' attendance-person-away' : entry.status === 'absent' ? ' attendance-person-absent' : ''}`}
              data-testid={`attendance-${person.name}`}
            >
              <span className="attendance-person-name">{person.name}</span>
              <Radio.Group
                size="small"
                optionType="button"
                aria-label={`${person.name}的出勤情况`}
                value={entry.status}
                onChange={(event) => set(person.memberId, { status: event.target.value as AttendanceStatus })}
                options={STATUS_OPTIONS}
              />
              {!person.entitledToVote && person.category === 'full' && <Tag>无表决权</Tag>}
              {away && (
                <div className="attendance-person-detail">
                  {entry.status === 'leave' && (
                    <Select<LeaveKind>
                      size="small"
                      aria-label={`${person.name}的请假类别`}
                      placeholder="请假类别"
                      status={entry.leaveKind ? undefined : 'warning'}
                      style={{ width: 110 }}
                      value={entry.leaveKind ?? undefined}
                      onChange={(leaveKind) => set(person.memberId, { leaveKind })}
                      options={LEAVE_KINDS.map((value) => ({ value, label: LEAVE_KIND_LABELS[value] }))}
                    />
                  )}
                  <Space.Compact style={{ flex: 1 }}>
                    <Input
                      size="small"
                      aria-label={`${person.name}的${entry.status === 'leave' ? '请假' : '缺席'}原因`}
                      placeholder={entry.status === 'leave' ? '原因（可不填）' : '缺席原因'}
                      maxLength={100}
                      value={entry.reason ?? ''}
                      onChange={(event) => set(person.memberId, { reason: event.target.value })}
                    />
                  </Space.Compact>
                  <MakeupPopover name={person.name} entry={entry} heldOn={heldOn} onChange={(makeup) => set(person.memberId, makeup)} />
                </div>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
