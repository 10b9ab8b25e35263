-- 修改记录 (issue 8 item 4): one row per create/update/delete/restore of a meeting record (with its
-- attendance, agenda, decisions, special-flow materials, follow-ups and attachments), a member (with
-- their history), or the branch, committee and 党小组 settings. Written in the same transaction as
-- the change, so a save that fails leaves no entry. Only what happened to the data is kept: no
-- reads, no clicks, no user names.
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

-- A record's trail (最后修改于 …, 共 N 次修改) and the log by time, newest first.
CREATE INDEX edit_trail_by_entity ON edit_trail (entity_type, entity_id, id);
CREATE INDEX edit_trail_by_time ON edit_trail (at, id);
