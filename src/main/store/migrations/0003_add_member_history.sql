-- Members get a dated history: status changes become member_events (admission and confirmation
-- dates move there), 党小组 membership gets from/to dates, the record gains the rest of the national
-- collection set, a version for detecting concurrent edits, and the import batch it came from.

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  undone_at TEXT
) STRICT;

CREATE TABLE member_events (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('admitted', 'confirmed', 'probationExtended', 'transferredIn', 'transferredOut',
    'flowedOut', 'flowedBack', 'lostContact', 'contactRestored', 'partyProbation', 'partyProbationEnded',
    'membershipStopped', 'deceased')),
  occurred_on TEXT NOT NULL,
  -- 来源 / 去向 / 流向, depending on the kind
  detail TEXT,
  -- end of 延长预备期 or 留党察看
  until_on TEXT,
  note TEXT,
  recorded_by TEXT,
  recorded_at TEXT NOT NULL
) STRICT;

CREATE INDEX member_events_member ON member_events (member_id, occurred_on);

INSERT INTO member_events (member_id, kind, occurred_on, recorded_at)
  SELECT id, 'admitted', admitted_on, created_at FROM members WHERE admitted_on IS NOT NULL;
INSERT INTO member_events (member_id, kind, occurred_on, recorded_at)
  SELECT id, 'confirmed', confirmed_on, created_at FROM members WHERE confirmed_on IS NOT NULL;

-- from_on NULL: in the group since before records began; to_on NULL: still in it (to_on is exclusive).
CREATE TABLE group_memberships (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  group_id INTEGER NOT NULL REFERENCES party_groups (id) ON DELETE CASCADE,
  from_on TEXT,
  to_on TEXT,
  CHECK (to_on IS NULL OR from_on IS NULL OR to_on >= from_on)
) STRICT;

CREATE INDEX group_memberships_member ON group_memberships (member_id);
CREATE INDEX group_memberships_group ON group_memberships (group_id);

INSERT INTO group_memberships (member_id, group_id, from_on)
  SELECT id, party_group_id, NULL FROM members WHERE party_group_id IS NOT NULL;

-- Rebuild members without the columns that are now derived (SQLite cannot drop a referencing column).
CREATE TABLE members_new (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),
  ethnicity TEXT,
  birth_date TEXT,
  id_number TEXT,
  native_place TEXT,
  education TEXT,
  degree TEXT,
  work_started_on TEXT,
  workplace TEXT,
  person_category TEXT,
  -- what the roster says when dates are missing; the current category is computed from events
  declared_category TEXT NOT NULL CHECK (declared_category IN ('full', 'probationary')),
  phone TEXT,
  note TEXT,
  import_batch_id INTEGER REFERENCES import_batches (id) ON DELETE SET NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

INSERT INTO members_new (id, name, gender, ethnicity, birth_date, id_number, education, declared_category, phone, note,
    created_at, updated_at)
  SELECT id, name, gender, ethnicity, birth_date, id_number, education, category, phone, note, created_at, updated_at
  FROM members;

DROP TABLE members;
ALTER TABLE members_new RENAME TO members;

CREATE UNIQUE INDEX members_id_number_unique ON members (id_number) WHERE id_number IS NOT NULL;
CREATE INDEX members_import_batch ON members (import_batch_id);
