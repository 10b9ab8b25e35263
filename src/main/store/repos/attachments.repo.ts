import type Database from 'better-sqlite3';
import type { AttachmentItem } from '../../../shared/contract/attachments';
import type { AttachmentKind } from '../../../shared/domain/attachments';

interface AttachmentRow {
  id: number;
  meeting_id: number;
  position: number;
  kind: AttachmentKind;
  sha256: string;
  file_name: string;
  size: number;
  mime: string;
  added_at: string;
}

export interface AttachmentWrite {
  meetingId: number;
  kind: AttachmentKind;
  sha256: string;
  fileName: string;
  size: number;
  mime: string;
}

function toItem(row: AttachmentRow): AttachmentItem {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    kind: row.kind,
    fileName: row.file_name,
    size: row.size,
    mime: row.mime,
    sha256: row.sha256,
    addedAt: row.added_at,
  };
}

/** Rows linking meeting records to stored files (the files themselves are the service's). */
export function createAttachmentsRepo(db: Database.Database) {
  // Attachments of a record marked deleted are hidden like the record, but still reference their file.
  const selectOfMeeting = db.prepare<[number], AttachmentRow>(
    `SELECT a.* FROM attachments a JOIN meetings m ON m.id = a.meeting_id
     WHERE a.meeting_id = ? AND m.deleted_at IS NULL ORDER BY a.position`,
  );
  const selectById = db.prepare<[number], AttachmentRow>(
    'SELECT a.* FROM attachments a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ? AND m.deleted_at IS NULL',
  );
  const selectSame = db.prepare<[number, string], AttachmentRow>('SELECT * FROM attachments WHERE meeting_id = ? AND sha256 = ?');
  const insertRow = db.prepare(
    `INSERT INTO attachments (meeting_id, position, kind, sha256, file_name, size, mime, added_at)
     VALUES (@meetingId, (SELECT COALESCE(MAX(position) + 1, 0) FROM attachments WHERE meeting_id = @meetingId),
       @kind, @sha256, @fileName, @size, @mime, @now)`,
  );
  const deleteRow = db.prepare('DELETE FROM attachments WHERE id = ?');
  // A stored file may be named by a meeting's attachment or by a self-assessment's evidence file
  // (assessment_attachments, migration 0010): both count, or the sweep would take the other's file.
  const countHash = db.prepare<[string, string], { count: number }>(
    'SELECT (SELECT COUNT(*) FROM attachments WHERE sha256 = ?) + (SELECT COUNT(*) FROM assessment_attachments WHERE sha256 = ?) AS count',
  );
  const allHashes = db.prepare<[], { sha256: string }>('SELECT sha256 FROM attachments UNION SELECT sha256 FROM assessment_attachments');
  const hashesOfDeleted = db.prepare<[], { sha256: string }>(
    'SELECT DISTINCT a.sha256 FROM attachments a JOIN meetings m ON m.id = a.meeting_id WHERE m.deleted_at IS NOT NULL',
  );

  return {
    ofMeeting(meetingId: number): AttachmentItem[] {
      return selectOfMeeting.all(meetingId).map(toItem);
    },
    get(id: number): AttachmentItem | null {
      const row = selectById.get(id);
      return row ? toItem(row) : null;
    },
    /** The attachment of this record with the same content, if any. */
    sameContent(meetingId: number, sha256: string): AttachmentItem | null {
      const row = selectSame.get(meetingId, sha256);
      return row ? toItem(row) : null;
    },
    /** Appends after the record's last attachment; the caller wraps it in a transaction. */
    insert(attachment: AttachmentWrite, now: string): number {
      return Number(insertRow.run({ ...attachment, now }).lastInsertRowid);
    },
    delete(id: number): boolean {
      return deleteRow.run(id).changes > 0;
    },
    /** Whether any row (of a live or a deleted record, or of a self-assessment) still needs the file with this hash. */
    isReferenced(sha256: string): boolean {
      return countHash.get(sha256, sha256)!.count > 0;
    },
    /** Every hash some row needs: files not in here may be removed. */
    referencedHashes(): Set<string> {
      return new Set(allHashes.all().map((row) => row.sha256));
    },
    /** Hashes used by records marked deleted (their files may go once those records are purged). */
    hashesOfDeletedMeetings(): string[] {
      return hashesOfDeleted.all().map((row) => row.sha256);
    },
  };
}
