-- Placeholder on the wip-search branch only: version 5 belongs to a change made in parallel, and
-- migrations must be numbered without gaps. DELETE THIS FILE when merging that change.
SELECT 1;
