// The kept analytics' state: the day and version they were computed for, and whether any
// committed change waits to be applied. Read before every answer; no lock.
OPTIONAL MATCH (s:AnalyticsState {id: 'coverage'})
RETURN s.day AS day, s.version AS version, EXISTS { MATCH (:AnalyticsChange) } AS pending
