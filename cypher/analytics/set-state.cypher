// Records the day and version the kept analytics now answer for.
MATCH (s:AnalyticsState {id: 'coverage'})
SET s.day = $day, s.version = $version, s.updatedAt = datetime()
