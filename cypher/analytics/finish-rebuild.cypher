// Ends a rebuild: the changes it read past go, and what is kept answers for $day again. The
// rebuild is a step that reshaped everything: no remembered network is refreshed across it.
MATCH (s:AnalyticsState {id: 'coverage'})
CALL {
  UNWIND $changeIds AS id
  MATCH (c:AnalyticsChange) WHERE elementId(c) = id
  DELETE c
}
SET s.day = $day, s.version = $version, s.updatedAt = datetime(), s.step = coalesce(s.step, 0) + 1
REMOVE s.rebuildingSince
CREATE (:AnalyticsStep {stamp: $stamp, step: s.step, entities: [], recount: true, reshaped: true})
