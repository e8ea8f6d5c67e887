// The kept analytics' state: the day and version they were computed for, whether a rebuild is
// under way (one that started more than $staleSeconds ago is taken as abandoned), and the
// committed changes waiting to be applied (at most $limit), each named by a key of its own (its
// element id and time: an id alone may be reused once the change is taken). Read before every
// answer; no lock.
OPTIONAL MATCH (s:AnalyticsState {id: 'coverage'})
RETURN s.day AS day, s.version AS version,
  coalesce(s.rebuildingSince > datetime() - duration({seconds: $staleSeconds}), false) AS rebuilding,
  COLLECT { MATCH (c:AnalyticsChange) RETURN elementId(c) + ' ' + toString(c.at) LIMIT $limit } AS waiting
