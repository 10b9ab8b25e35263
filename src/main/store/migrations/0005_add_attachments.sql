-- Attachments of meeting records (签到表扫描件, 会议通知, 讲稿/课件, 照片, 其他) and undoable deletion.
--
-- The files live in the data folder under attachments/<first two hex digits>/<sha256>, named by
-- their content hash: the same file added twice (to one record or several) is stored once, and the
-- hash proves on every read that the file was not damaged or swapped. This table holds what the
-- file system cannot: which record, the original file name, the kind and the order.
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

-- Whether a stored file is still needed by any record (checked before a file is removed).
CREATE INDEX attachments_sha256 ON attachments (sha256);

-- Deleting a record only marks it, so 撤销 can bring it back during the session; marked records
-- (with their attachments) are purged when the app next starts. Every read of meetings skips them.
ALTER TABLE meetings ADD COLUMN deleted_at TEXT;
