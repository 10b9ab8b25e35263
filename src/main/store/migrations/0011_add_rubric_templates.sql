-- Rubric template versions in the store (issue 6 item 4): the 五星三强 and other star-rating
-- tables a branch is scored against.
--
-- Like the rule packs (0008), the templates shipped with the app (seeds/rubrics) are copied here at
-- start, so the tables in force are part of the branch's data and a backup carries them. Unlike
-- rule packs, a template keeps EVERY version: a yearly assessment is scored against one exact
-- version, so a new version (shipped, imported from the official 评分细则 or edited in the app) is
-- always a new row and no stored version is ever changed or removed. Bodies are validated before
-- they are written and re-validated on every read; a body that no longer parses is never used.
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
