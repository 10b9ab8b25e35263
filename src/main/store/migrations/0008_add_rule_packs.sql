-- Rule packs in the store (issue 5 item 1): which obligations the branch is checked against.
--
-- The packs shipped with the app (seeds/rulePacks) are copied here at start, so the rules in force
-- are part of the branch's data: a backup or a copied data file carries them, and a newer app
-- version that ships a changed pack replaces the stored one visibly (version, loaded_at) instead of
-- changing the checks behind the secretary's back. Packs are validated before they are written; the
-- body is re-validated on every read, and a body that no longer parses is never used.

-- One row per pack id: the version in force. A newer shipped version replaces the row (the branch's
-- choice and overrides stay, they point at the id); an imported pack may not take a shipped id.
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

-- The branch's choice (one row, like branch). No row = the national default, so a new or older
-- data file needs no setup before compliance can be computed.
CREATE TABLE rule_pack_choice (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pack_id TEXT NOT NULL REFERENCES rule_packs (id) ON DELETE RESTRICT,
  chosen_at TEXT NOT NULL
) STRICT;

-- The branch's changes to single rules, per pack: rule ids repeat across packs (assembly-quarterly),
-- and an adjustment made to one pack must not silently apply to another. Switching back to a pack
-- brings its overrides back. `changes` holds only the fields that differ from the pack
-- (period, minimum, severity, window, disabled), so a new pack version changing other fields
-- does not collide with them; overrides a new version no longer accepts are shown and not applied.
CREATE TABLE rule_overrides (
  pack_id TEXT NOT NULL REFERENCES rule_packs (id) ON DELETE CASCADE,
  rule_id TEXT NOT NULL,
  changes TEXT NOT NULL CHECK (json_valid(changes)),
  -- The pack version the override was made against, to say which version it was meant for.
  pack_version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (pack_id, rule_id)
) STRICT;
