-- Placeholder so this branch's migrations stay numbered without gaps: 0007 belongs to another
-- issue-4 branch. Delete this file when merging (the real 0007 replaces it).
SELECT 1;
