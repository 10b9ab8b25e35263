-- Organisational life events. One event counts for one or more obligations (meeting_obligations);
-- attendance is per member. Agenda, decisions, votes and attachments come with the records feature.

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  held_on TEXT NOT NULL,
  starts_at TEXT,
  ends_at TEXT,
  location TEXT,
  topic TEXT NOT NULL,
  party_group_id INTEGER REFERENCES party_groups (id) ON DELETE RESTRICT,
  host_member_id INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  host_name TEXT,
  recorder_member_id INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  recorder_name TEXT,
  recorded_on TEXT NOT NULL,
  summary TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX meetings_held_on ON meetings (held_on);

CREATE TABLE meeting_obligations (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (type IN ('memberAssembly', 'committeeMeeting', 'groupMeeting', 'partyLecture',
    'themedPartyDay', 'orgLifeMeeting', 'democraticReview', 'heartToHeartTalk')),
  PRIMARY KEY (meeting_id, type)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_attendance (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('present', 'leave', 'absent')),
  leave_kind TEXT CHECK (leave_kind IN ('sick', 'personal', 'official', 'business', 'other')),
  reason TEXT,
  PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id);
