CREATE INDEX assessment_attachments_sha256 ON assessment_attachments (sha256);

CREATE INDEX assessment_history_assessment ON assessment_history (assessment_id, id);

CREATE INDEX attachments_sha256 ON attachments (sha256);

CREATE INDEX committee_seats_member ON committee_seats (member_id);

CREATE INDEX committee_seats_term ON committee_seats (term_id);

CREATE INDEX edit_trail_by_entity ON edit_trail (entity_type, entity_id, id);

CREATE INDEX edit_trail_by_time ON edit_trail (at, id);

CREATE INDEX group_memberships_group ON group_memberships (group_id);

CREATE INDEX group_memberships_member ON group_memberships (member_id);

CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id);

CREATE INDEX meeting_decisions_closed_meeting ON meeting_decisions (closed_meeting_id);

CREATE INDEX meeting_decisions_meeting ON meeting_decisions (meeting_id, position);

CREATE INDEX meeting_decisions_open ON meeting_decisions (closed_on, due_on);

CREATE INDEX meeting_guests_meeting ON meeting_guests (meeting_id, position);

CREATE INDEX meeting_speeches_agenda_item ON meeting_speeches (agenda_item_id, position);

CREATE INDEX meeting_talk_participants_member ON meeting_talk_participants (member_id);

CREATE INDEX meeting_votes_meeting ON meeting_votes (meeting_id, position);

CREATE INDEX meetings_held_on ON meetings (held_on);

CREATE INDEX member_events_member ON member_events (member_id, occurred_on);

CREATE UNIQUE INDEX members_id_number_unique ON members (id_number) WHERE id_number IS NOT NULL;

CREATE INDEX members_import_batch ON members (import_batch_id);

CREATE INDEX org_life_problems_meeting ON org_life_problems (meeting_id, position);

CREATE INDEX org_life_rectifications_meeting ON org_life_rectifications (meeting_id, position);

CREATE INDEX org_life_rectifications_status ON org_life_rectifications (status, due_on);

CREATE TABLE annual_plan_items (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL REFERENCES annual_plans (year) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  planned_on TEXT NOT NULL,
  -- The obligations the planned event counts for, as a JSON array of meeting type codes.
  types TEXT NOT NULL CHECK (json_valid(types) AND json_array_length(types) > 0),
  -- A 党小组会's group; a dissolved group's items stay with the old plan.
  party_group_id INTEGER REFERENCES party_groups (id) ON DELETE SET NULL,
  topic TEXT NOT NULL,
  owner TEXT NOT NULL,
  UNIQUE (year, seq)
) STRICT;

CREATE TABLE annual_plans (
  year INTEGER PRIMARY KEY CHECK (year BETWEEN 1921 AND 2200),
  -- The 主题党日 rule the dates were planned on, as saved (the branch setting may change later).
  themed_day TEXT NOT NULL CHECK (json_valid(themed_day)),
  saved_at TEXT NOT NULL
) STRICT;

CREATE TABLE assessment_attachments (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL,
  indicator_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  file_name TEXT NOT NULL CHECK (length(file_name) > 0),
  size INTEGER NOT NULL CHECK (size > 0),
  mime TEXT NOT NULL,
  added_at TEXT NOT NULL,
  FOREIGN KEY (assessment_id, indicator_id) REFERENCES assessment_indicators (assessment_id, indicator_id) ON DELETE CASCADE,
  UNIQUE (assessment_id, indicator_id, position),
  -- One indicator holds a given content once.
  UNIQUE (assessment_id, indicator_id, sha256)
) STRICT;

CREATE TABLE assessment_history (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('created', 'refreshed', 'submitted', 'reopened', 'reviewed')),
  note TEXT CHECK (note IS NULL OR length(note) > 0),
  CHECK (action <> 'reopened' OR note IS NOT NULL)
) STRICT;

CREATE TABLE assessment_indicators (
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  indicator_id TEXT NOT NULL CHECK (length(indicator_id) > 0),
  -- Order of the template's indicators.
  position INTEGER NOT NULL,
  -- The proposal (IndicatorAnswer JSON and its points; both null when 需手工评分).
  proposal_answer TEXT CHECK (proposal_answer IS NULL OR json_valid(proposal_answer)),
  proposal_points REAL,
  proposal_manual INTEGER NOT NULL CHECK (proposal_manual IN (0, 1)),
  proposal_text TEXT NOT NULL,
  -- Meeting records behind the proposal, as a JSON array of ids. Not foreign keys: a record deleted
  -- after submission must not change what was submitted (the view leaves out ids it cannot find).
  proposal_record_ids TEXT NOT NULL CHECK (json_valid(proposal_record_ids) AND json_type(proposal_record_ids) = 'array'),
  -- The secretary's answer (JSON; null keeps the proposal's), final score (null = the answer's
  -- points) and note (needed when the final score differs from the proposal).
  answer TEXT CHECK (answer IS NULL OR json_valid(answer)),
  final_score REAL,
  note TEXT CHECK (note IS NULL OR length(note) > 0),
  PRIMARY KEY (assessment_id, indicator_id),
  UNIQUE (assessment_id, position),
  CHECK ((proposal_answer IS NULL) = (proposal_points IS NULL))
) STRICT;

CREATE TABLE assessment_vetoes (
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  veto_id TEXT NOT NULL CHECK (length(veto_id) > 0),
  note TEXT NOT NULL CHECK (length(note) > 0),
  PRIMARY KEY (assessment_id, veto_id)
) STRICT;

CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL CHECK (year BETWEEN 1921 AND 2200),
  template_id TEXT NOT NULL CHECK (length(template_id) > 0),
  template_version INTEGER NOT NULL CHECK (template_version > 0),
  -- The whole template as it was when the assessment started (JSON). An assessment is always shown
  -- and scored with this copy, never with whatever the seeds or imported versions say later.
  template TEXT NOT NULL CHECK (
    json_valid(template) AND json_extract(template, '$.id') = template_id AND json_extract(template, '$.version') = template_version
  ),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'reviewed')),
  -- The secretary's overall remarks (problems and next steps).
  summary TEXT CHECK (summary IS NULL OR length(summary) > 0),
  -- Date the proposals were last computed from the records.
  proposed_as_of TEXT NOT NULL,
  submitted_on TEXT,
  reviewed_on TEXT,
  reviewer_score REAL CHECK (reviewer_score IS NULL OR reviewer_score >= 0),
  reviewer_level TEXT CHECK (reviewer_level IS NULL OR length(reviewer_level) > 0),
  review_comment TEXT CHECK (review_comment IS NULL OR length(review_comment) > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- One per year and template (whatever its version): a second would split the year's evidence.
  UNIQUE (year, template_id),
  -- A draft has no submission date; a submitted or reviewed one has.
  CHECK ((status = 'draft') = (submitted_on IS NULL)),
  -- Review fields exist exactly when reviewed (reopening clears them; the history keeps them).
  CHECK ((status = 'reviewed') = (reviewed_on IS NOT NULL AND reviewer_score IS NOT NULL)),
  CHECK (status = 'reviewed' OR (reviewer_level IS NULL AND review_comment IS NULL)),
  CHECK (reviewed_on IS NULL OR reviewed_on >= submitted_on)
) STRICT;

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  -- A record's attachments go with it when the record is finally purged.
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('signInSheet', 'notice', 'slides', 'photo', 'other')),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  file_name TEXT NOT NULL CHECK (length(file_name) > 0),
  size INTEGER NOT NULL CHECK (size > 0),
  mime TEXT NOT NULL,
  added_at TEXT NOT NULL,
  UNIQUE (meeting_id, position),
  -- One record holds a given content once (a second copy is refused as a mistake).
  UNIQUE (meeting_id, sha256)
) STRICT;

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

CREATE TABLE branch_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
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

CREATE TABLE democratic_review_grades (
  meeting_id INTEGER NOT NULL REFERENCES democratic_reviews (meeting_id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  grade TEXT NOT NULL CHECK (grade IN ('excellent', 'qualified', 'basicallyQualified', 'unqualified')),
  -- 处置意见, required (by the service) for 基本合格 and 不合格.
  note TEXT,
  PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE democratic_reviews (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE edit_trail (
  id INTEGER PRIMARY KEY,
  -- 'meeting', 'member', 'branch', 'committeeTerm', 'group', 'assessment'; checked by the contract,
  -- not here, so a later kind of record needs no migration.
  entity_type TEXT NOT NULL CHECK (length(entity_type) BETWEEN 1 AND 40),
  -- No foreign key on purpose: the trail outlives the record (a deleted member or a purged meeting
  -- keeps its history of changes, including the deletion itself).
  entity_id INTEGER NOT NULL,
  -- The record's name at the time, e.g. '2025-03-12 支部委员会会议', '党员 张三'.
  label TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
  -- ISO timestamp (UTC) of the change.
  at TEXT NOT NULL,
  -- How the change came about when not typed in the record's own editor ('导入《花名册.xlsx》').
  note TEXT,
  -- The changed fields as a JSON array of {field, label, from, to, added?, removed?, changed?};
  -- sensitive values (公民身份号码, 手机号) are masked before they get here.
  changes TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'array'),
  -- Lower-cased label, note, field labels and values, for the 修改记录 search (LIKE; the log is small).
  search_text TEXT NOT NULL
) STRICT;

CREATE TABLE group_memberships (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  group_id INTEGER NOT NULL REFERENCES party_groups (id) ON DELETE CASCADE,
  from_on TEXT,
  to_on TEXT,
  CHECK (to_on IS NULL OR from_on IS NULL OR to_on >= from_on)
) STRICT;

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  undone_at TEXT
) STRICT;

CREATE TABLE meeting_agenda_items (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  UNIQUE (meeting_id, position)
) STRICT;

CREATE TABLE meeting_attendance (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('present', 'leave', 'absent')),
  leave_kind TEXT CHECK (leave_kind IN ('sick', 'personal', 'official', 'business', 'other')),
  reason TEXT, makeup_on TEXT, makeup_by TEXT, makeup_method TEXT,
  PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;

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

CREATE TABLE meeting_exclusions (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  reason TEXT NOT NULL,
  PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_guests (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('activist', 'guest', 'supervisor')),
  name TEXT NOT NULL,
  note TEXT
) STRICT;

CREATE TABLE meeting_obligations (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (type IN ('memberAssembly', 'committeeMeeting', 'groupMeeting', 'partyLecture',
    'themedPartyDay', 'orgLifeMeeting', 'democraticReview', 'heartToHeartTalk')),
  PRIMARY KEY (meeting_id, type)
) STRICT, WITHOUT ROWID;

CREATE VIRTUAL TABLE meeting_search USING fts5 (body, meeting_id UNINDEXED, field UNINDEXED, tokenize = 'trigram');

CREATE TABLE 'meeting_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'meeting_search_content'(id INTEGER PRIMARY KEY, c0, c1, c2);

CREATE TABLE 'meeting_search_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'meeting_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'meeting_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE meeting_speeches (
  id INTEGER PRIMARY KEY,
  agenda_item_id INTEGER NOT NULL REFERENCES meeting_agenda_items (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  speaker_member_id INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  speaker_name TEXT NOT NULL,
  summary TEXT NOT NULL
) STRICT;

CREATE TABLE meeting_talk_participants (
  meeting_id INTEGER NOT NULL REFERENCES meeting_talks (meeting_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  member_id INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  name TEXT NOT NULL,
  PRIMARY KEY (meeting_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_talks (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
  form TEXT CHECK (form IN ('inPerson', 'phone', 'video')),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

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
, lecturer_member_id INTEGER REFERENCES members (id) ON DELETE RESTRICT, lecturer_name TEXT, lecture_title TEXT, version INTEGER NOT NULL DEFAULT 1, deleted_at TEXT) STRICT;

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

CREATE TABLE "members" (
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

CREATE TABLE org_life_materials (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
  plan TEXT,
  plan_approved_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE org_life_problems (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('political', 'ideological', 'conduct', 'discipline', 'other')),
  source TEXT NOT NULL CHECK (source IN ('solicited', 'selfCheck', 'talk', 'superior'))
) STRICT;

CREATE TABLE org_life_rectifications (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  problem_id INTEGER REFERENCES org_life_problems (id) ON DELETE SET NULL,
  measure TEXT NOT NULL,
  owner_member_id INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  owner_name TEXT,
  due_on TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'done')),
  done_on TEXT,
  note TEXT,
  CHECK ((status = 'done') = (done_on IS NOT NULL))
) STRICT;

CREATE TABLE org_life_self_reviews (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  submitted INTEGER NOT NULL CHECK (submitted IN (0, 1)),
  submitted_on TEXT,
  summary TEXT,
  PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE party_groups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  leader_member_id INTEGER REFERENCES members (id) ON DELETE SET NULL,
  founded_on TEXT,
  dissolved_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE rubric_templates (
  id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  -- 官方: the official table from the 两新工委/组织部门; 参考: a reference template (shipped ones).
  status TEXT NOT NULL CHECK (status IN ('官方', '参考')),
  name TEXT NOT NULL,
  -- JSON list of 两新/机关/村社区, copied from the body so a list needs no parsing.
  scope TEXT NOT NULL CHECK (json_valid(scope)),
  -- The whole template as validated JSON (rubricTemplateSchema).
  body TEXT NOT NULL CHECK (json_valid(body)),
  -- shipped: seeds/rubrics; imported: from an Excel 评分细则; edited: saved from the template editor.
  origin TEXT NOT NULL CHECK (origin IN ('shipped', 'imported', 'edited')),
  -- The file it came from (seed file or imported workbook), or null for an edit, so messages can name it.
  file_name TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;

CREATE TABLE rule_overrides (
  pack_id TEXT NOT NULL REFERENCES rule_packs (id) ON DELETE CASCADE,
  rule_id TEXT NOT NULL,
  changes TEXT NOT NULL CHECK (json_valid(changes)),
  -- The pack version the override was made against, to say which version it was meant for.
  pack_version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (pack_id, rule_id)
) STRICT;

CREATE TABLE rule_pack_choice (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pack_id TEXT NOT NULL REFERENCES rule_packs (id) ON DELETE RESTRICT,
  chosen_at TEXT NOT NULL
) STRICT;

CREATE TABLE rule_packs (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version > 0),
  name TEXT NOT NULL,
  -- The whole pack as validated JSON (rulePackSchema), rules included.
  body TEXT NOT NULL CHECK (json_valid(body)),
  source TEXT NOT NULL CHECK (source IN ('shipped', 'imported')),
  -- The file it came from, so a later message can name it.
  file_name TEXT NOT NULL,
  loaded_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER assessment_attachments_locked_delete BEFORE DELETE ON assessment_attachments
WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'assessment is locked'); END;

CREATE TRIGGER assessment_attachments_locked_insert BEFORE INSERT ON assessment_attachments
WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'assessment is locked'); END;

CREATE TRIGGER assessment_history_keep_submitted BEFORE DELETE ON assessment_history
WHEN EXISTS (SELECT 1 FROM assessment_history h WHERE h.assessment_id = OLD.assessment_id AND h.action = 'submitted')
BEGIN SELECT RAISE(ABORT, 'assessment history of a submitted assessment is kept'); END;

CREATE TRIGGER assessment_history_no_update BEFORE UPDATE ON assessment_history
BEGIN SELECT RAISE(ABORT, 'assessment history is append-only'); END;

CREATE TRIGGER assessment_indicators_locked_update BEFORE UPDATE ON assessment_indicators
WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'assessment is locked'); END;

CREATE TRIGGER assessment_vetoes_locked_delete BEFORE DELETE ON assessment_vetoes
WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'assessment is locked'); END;

CREATE TRIGGER assessment_vetoes_locked_insert BEFORE INSERT ON assessment_vetoes
WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'assessment is locked'); END;

CREATE TRIGGER meeting_agenda_search_delete AFTER DELETE ON meeting_agenda_items BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 4;
END;

CREATE TRIGGER meeting_agenda_search_insert AFTER INSERT ON meeting_agenda_items BEGIN
  INSERT INTO meeting_search (rowid, body, meeting_id, field) VALUES (new.id * 8 + 4, new.title, new.meeting_id, 'agenda');
END;

CREATE TRIGGER meeting_agenda_search_update AFTER UPDATE OF title, meeting_id ON meeting_agenda_items BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 4;
  INSERT INTO meeting_search (rowid, body, meeting_id, field) VALUES (new.id * 8 + 4, new.title, new.meeting_id, 'agenda');
END;

CREATE TRIGGER meeting_decisions_search_delete AFTER DELETE ON meeting_decisions BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 6;
END;

CREATE TRIGGER meeting_decisions_search_insert AFTER INSERT ON meeting_decisions BEGIN
  INSERT INTO meeting_search (rowid, body, meeting_id, field) VALUES (new.id * 8 + 6, new.text, new.meeting_id, 'decision');
END;

CREATE TRIGGER meeting_decisions_search_update AFTER UPDATE OF text, meeting_id ON meeting_decisions BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 6;
  INSERT INTO meeting_search (rowid, body, meeting_id, field) VALUES (new.id * 8 + 6, new.text, new.meeting_id, 'decision');
END;

CREATE TRIGGER meeting_speeches_search_delete AFTER DELETE ON meeting_speeches BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 5;
END;

CREATE TRIGGER meeting_speeches_search_insert AFTER INSERT ON meeting_speeches BEGIN
  INSERT INTO meeting_search (rowid, body, meeting_id, field)
  SELECT new.id * 8 + 5, new.speaker_name || '：' || new.summary, meeting_id, 'speech' FROM meeting_agenda_items WHERE id = new.agenda_item_id;
END;

CREATE TRIGGER meeting_speeches_search_update AFTER UPDATE OF speaker_name, summary, agenda_item_id ON meeting_speeches BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 5;
  INSERT INTO meeting_search (rowid, body, meeting_id, field)
  SELECT new.id * 8 + 5, new.speaker_name || '：' || new.summary, meeting_id, 'speech' FROM meeting_agenda_items WHERE id = new.agenda_item_id;
END;

CREATE TRIGGER meeting_votes_search_delete AFTER DELETE ON meeting_votes BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 7;
END;

CREATE TRIGGER meeting_votes_search_insert AFTER INSERT ON meeting_votes BEGIN
  INSERT INTO meeting_search (rowid, body, meeting_id, field) VALUES (new.id * 8 + 7, new.subject, new.meeting_id, 'vote');
END;

CREATE TRIGGER meeting_votes_search_update AFTER UPDATE OF subject, meeting_id ON meeting_votes BEGIN
  DELETE FROM meeting_search WHERE rowid = old.id * 8 + 7;
  INSERT INTO meeting_search (rowid, body, meeting_id, field) VALUES (new.id * 8 + 7, new.subject, new.meeting_id, 'vote');
END;

CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings BEGIN
  DELETE FROM meeting_search WHERE rowid IN (old.id * 8, old.id * 8 + 1, old.id * 8 + 2, old.id * 8 + 3);
END;

CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings BEGIN
  INSERT INTO meeting_search (rowid, body, meeting_id, field)
  SELECT new.id * 8 + code, body, new.id, field
  FROM (SELECT 0 AS code, new.topic AS body, 'topic' AS field
        UNION ALL SELECT 1, new.lecture_title, 'lectureTitle'
        UNION ALL SELECT 2, new.location, 'location'
        UNION ALL SELECT 3, new.summary, 'summary')
  WHERE body IS NOT NULL AND body <> '';
END;

CREATE TRIGGER meetings_search_update AFTER UPDATE OF topic, lecture_title, location, summary ON meetings
WHEN old.topic IS NOT new.topic OR old.lecture_title IS NOT new.lecture_title
  OR old.location IS NOT new.location OR old.summary IS NOT new.summary BEGIN
  DELETE FROM meeting_search WHERE rowid IN (old.id * 8, old.id * 8 + 1, old.id * 8 + 2, old.id * 8 + 3);
  INSERT INTO meeting_search (rowid, body, meeting_id, field)
  SELECT new.id * 8 + code, body, new.id, field
  FROM (SELECT 0 AS code, new.topic AS body, 'topic' AS field
        UNION ALL SELECT 1, new.lecture_title, 'lectureTitle'
        UNION ALL SELECT 2, new.location, 'location'
        UNION ALL SELECT 3, new.summary, 'summary')
  WHERE body IS NOT NULL AND body <> '';
END;