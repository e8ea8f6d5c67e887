// Takes the analytics' write lock for the rest of the transaction: one process at a time
// applies changes, so no two apply the same change or interleave their totals. Returns the
// state as it is under the lock (as analytics/state does).
MERGE (s:AnalyticsState {id: 'coverage'})
SET s.lockedAt = datetime()
RETURN s.day AS day, s.version AS version,
  coalesce(s.rebuildingSince > datetime() - duration({seconds: $staleSeconds}), false) AS rebuilding,
  EXISTS { MATCH (:AnalyticsChange) } AS pending
