// The kept analytics' state: the day and version they were computed for, whether a rebuild is
// under way (one that started more than $staleSeconds ago is taken as abandoned), and whether
// any committed change waits to be applied. Read before every answer; no lock.
OPTIONAL MATCH (s:AnalyticsState {id: 'coverage'})
RETURN s.day AS day, s.version AS version,
  coalesce(s.rebuildingSince > datetime() - duration({seconds: $staleSeconds}), false) AS rebuilding,
  EXISTS { MATCH (:AnalyticsChange) } AS pending
