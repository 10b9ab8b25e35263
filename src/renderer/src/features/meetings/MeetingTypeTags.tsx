import { Space, Tag } from 'antd';
import { MEETING_TYPE_LABELS, type MeetingType } from '../../../../shared/domain/meetingTypes';

const COLORS: Record<MeetingType, string> = {
  memberAssembly: 'red',
  committeeMeeting: 'volcano',
  groupMeeting: 'orange',
  partyLecture: 'gold',
  themedPartyDay: 'blue',
  orgLifeMeeting: 'purple',
  democraticReview: 'geekblue',
  heartToHeartTalk: 'cyan',
};

/** One tag per obligation the event counts for; a 党小组会 names its group. */
export function MeetingTypeTags({ types, groupName }: { types: readonly MeetingType[]; groupName?: string }) {
  return (
    <Space size={[2, 4]} wrap>
      {types.map((type) => (
        <Tag key={type} color={COLORS[type]} style={{ marginInlineEnd: 0 }}>
          {MEETING_TYPE_LABELS[type]}
          {type === 'groupMeeting' && groupName ? `·${groupName}` : ''}
        </Tag>
      ))}
    </Space>
  );
}
