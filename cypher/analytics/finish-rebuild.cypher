// Ends a rebuild: the changes it read past go, and what is kept answers for $day again.
MATCH (s:AnalyticsState {id: 'coverage'})
CALL {
  UNWIND $changeIds AS id
  MATCH (c:AnalyticsChange) WHERE elementId(c) = id
  DELETE c
}
SET s.day = $day, s.version = $version, s.updatedAt = datetime()
REMOVE s.rebuildingSince
