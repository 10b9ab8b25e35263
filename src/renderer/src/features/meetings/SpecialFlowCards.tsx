import { Alert, Typography } from 'antd';
import type { MeetingRecord } from '../../../../shared/contract/meetings';
import { MEETING_TYPE_LABELS, type MeetingType } from '../../../../shared/domain/meetingTypes';
import { DemocraticReviewCard } from './DemocraticReviewCard';
import { OrgLifeCard } from './OrgLifeCard';
import { TalkParticipantsCard } from './TalkParticipantsCard';
import './specialFlows.css';

const SPECIAL: MeetingType[] = ['orgLifeMeeting', 'democraticReview', 'heartToHeartTalk'];

/**
 * The extra material of 组织生活会, 民主评议 and 谈心谈话, one card each, below the record. Each is
 * saved on its own (it has its own version), and only once the record itself is saved with that type.
 */
export function SpecialFlowCards({ record, types }: { record: MeetingRecord | null; types: readonly MeetingType[] }) {
  const wanted = SPECIAL.filter((type) => types.includes(type));
  if (wanted.length === 0) return null;
  const unsaved = wanted.filter((type) => !record?.types.includes(type));
  return (
    <div data-testid="special-flows">
      <Typography.Title level={5} className="special-flows-heading">
        专项材料（各自单独保存）
      </Typography.Title>
      {unsaved.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`保存会议记录后，可在这里填写${unsaved.map((type) => MEETING_TYPE_LABELS[type]).join('、')}的材料。`}
        />
      )}
      {record && types.includes('orgLifeMeeting') && record.types.includes('orgLifeMeeting') && <OrgLifeCard meetingId={record.id} />}
      {record && types.includes('democraticReview') && record.types.includes('democraticReview') && <DemocraticReviewCard meetingId={record.id} />}
      {record && types.includes('heartToHeartTalk') && record.types.includes('heartToHeartTalk') && <TalkParticipantsCard meetingId={record.id} hostName={record.hostName} />}
    </div>
  );
}
