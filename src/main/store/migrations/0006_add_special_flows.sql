-- The special flows of organisational life (DOMAIN §2, §6), each attached to a meeting record so
-- one event still counts for several obligations: 组织生活会 materials, 民主评议 grades and the
-- participants of a 谈心谈话. Each kind of material has its own version number, so saving it never
-- collides with saving the meeting record itself (and vice versa).

-- 组织生活会: the 方案 and the version of the whole material.
CREATE TABLE org_life_materials (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
  plan TEXT,
  plan_approved_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

-- 问题清单: what was found before the meeting, by category and by where it came from. Rows keep
-- their ids across edits because rectifications point at them.
CREATE TABLE org_life_problems (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('political', 'ideological', 'conduct', 'discipline', 'other')),
  source TEXT NOT NULL CHECK (source IN ('solicited', 'selfCheck', 'talk', 'superior'))
) STRICT;

CREATE INDEX org_life_problems_meeting ON org_life_problems (meeting_id, position);

-- 对照检查材料: one row per member who was expected at the meeting and has an entry.
CREATE TABLE org_life_self_reviews (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  submitted INTEGER NOT NULL CHECK (submitted IN (0, 1)),
  submitted_on TEXT,
  summary TEXT,
  PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;

-- 整改清单: ticked off long after the meeting, so ids stay stable across edits of the material and
-- the status (with its completion date and note) is never lost by re-saving.
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

CREATE INDEX org_life_rectifications_status ON org_life_rectifications (status, due_on);
CREATE INDEX org_life_rectifications_meeting ON org_life_rectifications (meeting_id, position);

-- 民主评议: one row per review (its version), grades per 正式党员. 预备党员 take part but are not
-- graded, so they never have a row here.
CREATE TABLE democratic_reviews (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE democratic_review_grades (
  meeting_id INTEGER NOT NULL REFERENCES democratic_reviews (meeting_id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  grade TEXT NOT NULL CHECK (grade IN ('excellent', 'qualified', 'basicallyQualified', 'unqualified')),
  -- 处置意见, required (by the service) for 基本合格 and 不合格.
  note TEXT,
  PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;

-- 谈心谈话: the form of the talk and who took part. A participant is a member (name snapshot kept)
-- or someone from outside the branch (name only); only members count in the coverage matrix.
CREATE TABLE meeting_talks (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
  form TEXT CHECK (form IN ('inPerson', 'phone', 'video')),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE meeting_talk_participants (
  meeting_id INTEGER NOT NULL REFERENCES meeting_talks (meeting_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  member_id INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  name TEXT NOT NULL,
  PRIMARY KEY (meeting_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX meeting_talk_participants_member ON meeting_talk_participants (member_id);
