// The kept analytics' state: the day and version they were computed for, whether a rebuild is
// under way (one that started more than $staleSeconds ago is taken as abandoned), the committed
// changes waiting to be applied (at most $limit), each named by a key of its own (its element id
// and time: an id alone may be reused once the change is taken), and the kept row of
// $regionCode (as analytics/region reads it; null when none is asked for or kept). Read before
// every answer; no lock.
OPTIONAL MATCH (s:AnalyticsState {id: 'coverage'})
OPTIONAL MATCH (a:AnalyticsRegion {code: $regionCode})
RETURN s.day AS day, s.version AS version,
  coalesce(s.rebuildingSince > datetime() - duration({seconds: $staleSeconds}), false) AS rebuilding,
  COLLECT { MATCH (c:AnalyticsChange) RETURN elementId(c) + ' ' + toString(c.at) LIMIT $limit } AS waiting,
  CASE WHEN a IS NULL THEN NULL ELSE {path: a.path, total: a.total, stamp: a.stamp} END AS region
