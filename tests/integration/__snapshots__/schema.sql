CREATE INDEX committee_seats_member ON committee_seats (member_id);

CREATE INDEX committee_seats_term ON committee_seats (term_id);

CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id);

CREATE INDEX meetings_held_on ON meetings (held_on);

CREATE UNIQUE INDEX members_id_number_unique ON members (id_number) WHERE id_number IS NOT NULL;

CREATE INDEX members_party_group ON members (party_group_id);

CREATE TABLE branch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('organ', 'twoNew', 'villageCommunity', 'school', 'other')),
  parent_org TEXT,
  founded_on TEXT,
  contact_person TEXT,
  contact_phone TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE committee_seats (
  id INTEGER PRIMARY KEY,
  term_id INTEGER NOT NULL REFERENCES committee_terms (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  member_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('secretary', 'deputySecretary', 'organization', 'publicity', 'discipline')),
  starts_on TEXT NOT NULL,
  ends_on TEXT
) STRICT;

CREATE TABLE committee_terms (
  id INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  CHECK (ends_on > starts_on)
) STRICT;

CREATE TABLE meeting_attendance (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('present', 'leave', 'absent')),
  leave_kind TEXT CHECK (leave_kind IN ('sick', 'personal', 'official', 'business', 'other')),
  reason TEXT,
  PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_obligations (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (type IN ('memberAssembly', 'committeeMeeting', 'groupMeeting', 'partyLecture',
    'themedPartyDay', 'orgLifeMeeting', 'democraticReview', 'heartToHeartTalk')),
  PRIMARY KEY (meeting_id, type)
) STRICT, WITHOUT ROWID;

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

CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),
  ethnicity TEXT,
  birth_date TEXT,
  id_number TEXT,
  education TEXT,
  admitted_on TEXT,
  confirmed_on TEXT,
  category TEXT NOT NULL CHECK (category IN ('full', 'probationary')),
  party_group_id INTEGER REFERENCES party_groups (id) ON DELETE SET NULL,
  phone TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE party_groups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  leader_member_id INTEGER REFERENCES members (id) ON DELETE SET NULL,
  founded_on TEXT,
  dissolved_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;