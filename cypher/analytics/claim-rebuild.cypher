// Claims the rebuild, unless another process has a live claim: while it runs, what is kept is
// incomplete, so the version is cleared and readers compute from scratch. Returns the waiting
// changes the rebuild will read past.
MERGE (s:AnalyticsState {id: 'coverage'})
WITH s, coalesce(s.rebuildingSince > datetime() - duration({seconds: $staleSeconds}), false) AS busy
SET s.rebuildingSince = CASE WHEN busy THEN s.rebuildingSince ELSE datetime() END,
    s.version = CASE WHEN busy THEN s.version ELSE null END
RETURN NOT busy AS claimed, CASE WHEN busy THEN [] ELSE COLLECT { MATCH (c:AnalyticsChange) RETURN elementId(c) } END AS changeIds
