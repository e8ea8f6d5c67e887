// A rebuild that failed gives its claim back; the next reader starts another.
MATCH (s:AnalyticsState {id: 'coverage'})
REMOVE s.rebuildingSince
