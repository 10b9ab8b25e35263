-- The yearly self-assessment (五星三强自评, issue 6 item 3): one per year and template, scored against a
-- frozen copy of the template it was started with, 草稿 → 已提交 (locked, dated) → 已审核.

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

-- Each indicator of the frozen template: what the records proposed, and the secretary's entries.
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

-- 一票否决 items found to apply, each with what happened.
CREATE TABLE assessment_vetoes (
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  veto_id TEXT NOT NULL CHECK (length(veto_id) > 0),
  note TEXT NOT NULL CHECK (length(note) > 0),
  PRIMARY KEY (assessment_id, veto_id)
) STRICT;

-- What happened to the assessment and when. Reopening needs a reason; rows are never changed, and
-- never removed once the assessment has been submitted (a draft never submitted may be deleted).
CREATE TABLE assessment_history (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('created', 'refreshed', 'submitted', 'reopened', 'reviewed')),
  note TEXT CHECK (note IS NULL OR length(note) > 0),
  CHECK (action <> 'reopened' OR note IS NOT NULL)
) STRICT;

CREATE INDEX assessment_history_assessment ON assessment_history (assessment_id, id);

-- Files for evidence that lives outside the app (扫描件, 照片…), per indicator, stored in the same
-- content-addressed folder as meeting attachments (attachments/<2 hex>/<sha256>). The file store
-- counts these rows as references, so neither the orphan sweep nor a purge removes their files.
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

CREATE INDEX assessment_attachments_sha256 ON assessment_attachments (sha256);

-- The lock, held by the database too: while an assessment is submitted or reviewed nothing about
-- its indicators, vetoes or files changes (the service refuses first, with a message saying to
-- reopen; these only stop a path that forgot to ask).
CREATE TRIGGER assessment_indicators_locked_update BEFORE UPDATE ON assessment_indicators
WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'assessment is locked'); END;

CREATE TRIGGER assessment_vetoes_locked_insert BEFORE INSERT ON assessment_vetoes
WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'assessment is locked'); END;

CREATE TRIGGER assessment_vetoes_locked_delete BEFORE DELETE ON assessment_vetoes
WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'assessment is locked'); END;

CREATE TRIGGER assessment_attachments_locked_insert BEFORE INSERT ON assessment_attachments
WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'assessment is locked'); END;

CREATE TRIGGER assessment_attachments_locked_delete BEFORE DELETE ON assessment_attachments
WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'assessment is locked'); END;

-- History is append-only; rows of an assessment ever submitted are never deleted (which also stops
-- deleting that assessment).
CREATE TRIGGER assessment_history_no_update BEFORE UPDATE ON assessment_history
BEGIN SELECT RAISE(ABORT, 'assessment history is append-only'); END;

CREATE TRIGGER assessment_history_keep_submitted BEFORE DELETE ON assessment_history
WHEN EXISTS (SELECT 1 FROM assessment_history h WHERE h.assessment_id = OLD.assessment_id AND h.action = 'submitted')
BEGIN SELECT RAISE(ABORT, 'assessment history of a submitted assessment is kept'); END;
