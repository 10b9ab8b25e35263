import type Database from 'better-sqlite3';
import { openDatabase, type OpenOptions } from './connection';
import { schemaVersion } from './migrate';
import { createAssessmentsRepo } from './repos/assessments.repo';
import { snapshotSource } from './snapshot';
import { createAttachmentsRepo } from './repos/attachments.repo';
import { createBranchRepo } from './repos/branch.repo';
import { createBranchSettingsRepo } from './repos/branchSettings.repo';
import { createCommitteeRepo } from './repos/committee.repo';
import { createFollowUpsRepo } from './repos/followUps.repo';
import { createDemocraticReviewRepo } from './repos/democraticReview.repo';
import { createEditTrailRepo } from './repos/editTrail.repo';
import { createGroupsRepo } from './repos/groups.repo';
import { createImportBatchesRepo } from './repos/importBatches.repo';
import { createMeetingsRepo } from './repos/meetings.repo';
import { createMeetingTemplatesRepo } from './repos/meetingTemplates.repo';
import { createMemberEventsRepo } from './repos/memberEvents.repo';
import { createMembersRepo } from './repos/members.repo';
import { createOrgLifeRepo } from './repos/orgLife.repo';
import { createParticipationRepo } from './repos/participation.repo';
import { createRulePacksRepo } from './repos/rulePacks.repo';
import { createRubricTemplatesRepo } from './repos/rubricTemplates.repo';
import { createPlansRepo } from './repos/plans.repo';
import { createSystemRepo } from './repos/system.repo';
import { createTalksRepo } from './repos/talks.repo';

export { LATEST_SCHEMA_VERSION } from './migrate';
export { translateStoreError } from './sqliteErrors';
export { describeDatabase, hasSqliteHeader, markRollbackJournal, type DatabaseDescription, type SnapshotSource } from './snapshot';

/** The only door to the database: repositories (all SQL lives in them) and transactions. */
export function openStore(filePath: string, options: OpenOptions = {}) {
  const db = openDatabase(filePath, options);
  return storeOver(db, filePath);
}

export function storeOver(db: Database.Database, filePath: string) {
  return {
    path: filePath,
    attachments: createAttachmentsRepo(db),
    branch: createBranchRepo(db),
    branchSettings: createBranchSettingsRepo(db),
    committee: createCommitteeRepo(db),
    followUps: createFollowUpsRepo(db),
    groups: createGroupsRepo(db),
    importBatches: createImportBatchesRepo(db),
    meetings: createMeetingsRepo(db),
    meetingTemplates: createMeetingTemplatesRepo(db),
    members: createMembersRepo(db),
    memberEvents: createMemberEventsRepo(db),
    system: createSystemRepo(db),
    orgLife: createOrgLifeRepo(db),
    democraticReview: createDemocraticReviewRepo(db),
    talks: createTalksRepo(db),
    participation: createParticipationRepo(db),
    rulePacks: createRulePacksRepo(db),
    rubricTemplates: createRubricTemplatesRepo(db),
    plans: createPlansRepo(db),
    assessments: createAssessmentsRepo(db),
    editTrail: createEditTrailRepo(db),
    schemaVersion: () => schemaVersion(db),
    /** Consistent copies and descriptions for backups (data safety). */
    snapshot: snapshotSource(db),
    /** Runs `work` atomically: every row it writes lands, or none does. */
    transaction<T>(work: () => T): T {
      return db.transaction(work)();
    },
    close(): void {
      if (db.open) db.close();
    },
    /** For tests and the CLI only: raw access, e.g. to simulate a full disk. */
    unsafeDatabase(): Database.Database {
      return db;
    },
  };
}

export type Store = ReturnType<typeof storeOver>;
