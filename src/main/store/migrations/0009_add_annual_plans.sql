-- 年度计划 (issue 5 item 5): the year's plan as the secretary edited it, and the branch settings the
-- draft needs (the fixed 主题党日 day).

-- Branch-wide settings as small JSON values by key ('themedDay': {"kind":"dayOfMonth","day":25}).
-- One table rather than a column per setting, so later settings (设置 sections) need no migration;
-- each value is validated by the service that owns its key.
CREATE TABLE branch_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL
) STRICT;

-- One saved plan per year; saving replaces its items (the plan is edited as a whole).
CREATE TABLE annual_plans (
  year INTEGER PRIMARY KEY CHECK (year BETWEEN 1921 AND 2200),
  -- The 主题党日 rule the dates were planned on, as saved (the branch setting may change later).
  themed_day TEXT NOT NULL CHECK (json_valid(themed_day)),
  saved_at TEXT NOT NULL
) STRICT;

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
