-- Placeholder so this branch's migrations stay numbered without gaps: 0006 belongs to another
-- issue-4 branch. Delete this file when merging (the real 0006 replaces it).
SELECT 1;
