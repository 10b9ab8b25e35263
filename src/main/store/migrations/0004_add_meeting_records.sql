-- The full meeting record (DOMAIN §4): 党课 lecturer and title, agenda items with who said what,
-- decisions that become follow-ups, votes with written opinions, 列席 guests, members excluded from
-- 应到 with approval, and make-up study for the absent. A version number detects concurrent edits.

ALTER TABLE meetings ADD COLUMN lecturer_member_id INTEGER REFERENCES members (id) ON DELETE RESTRICT;
ALTER TABLE meetings ADD COLUMN lecturer_name TEXT;
ALTER TABLE meetings ADD COLUMN lecture_title TEXT;
ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

ALTER TABLE meeting_attendance ADD COLUMN makeup_on TEXT;
ALTER TABLE meeting_attendance ADD COLUMN makeup_by TEXT;
ALTER TABLE meeting_attendance ADD COLUMN makeup_method TEXT;

CREATE TABLE meeting_agenda_items (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  UNIQUE (meeting_id, position)
) STRICT;

-- Who said what under an agenda item; the name is a snapshot (speakers may be guests).
CREATE TABLE meeting_speeches (
  id INTEGER PRIMARY KEY,
  agenda_item_id INTEGER NOT NULL REFERENCES meeting_agenda_items (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  speaker_member_id INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  speaker_name TEXT NOT NULL,
  summary TEXT NOT NULL
) STRICT;

-- 决议/议定事项: each can be followed up (owner, due date) and closed later, citing the meeting
-- where it was reported.
CREATE TABLE meeting_decisions (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  agenda_position INTEGER,
  text TEXT NOT NULL,
  owner_member_id INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  owner_name TEXT,
  due_on TEXT,
  closed_on TEXT,
  closed_note TEXT,
  closed_meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL
) STRICT;

CREATE INDEX meeting_decisions_open ON meeting_decisions (closed_on, due_on);

CREATE TABLE meeting_votes (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  agenda_position INTEGER,
  subject TEXT NOT NULL,
  yes INTEGER NOT NULL CHECK (yes >= 0),
  no INTEGER NOT NULL CHECK (no >= 0),
  abstain INTEGER NOT NULL CHECK (abstain >= 0),
  written_yes INTEGER NOT NULL DEFAULT 0 CHECK (written_yes >= 0),
  written_no INTEGER NOT NULL DEFAULT 0 CHECK (written_no >= 0)
) STRICT;

-- 列席: 入党积极分子, guests, 上级指导人员.
CREATE TABLE meeting_guests (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('activist', 'guest', 'supervisor')),
  name TEXT NOT NULL,
  note TEXT
) STRICT;

CREATE TABLE meeting_exclusions (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  reason TEXT NOT NULL,
  PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;
