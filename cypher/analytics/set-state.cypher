// Records the day and version the kept analytics now answer for, and the catch-up as a step:
// its stamp, what it touched of the networks (and whether their left-out village organizations
// must be counted again), and whether it reshaped the region tree. Steps
// older than $keptSteps go.
MATCH (s:AnalyticsState {id: 'coverage'})
SET s.day = $day, s.version = $version, s.updatedAt = datetime(), s.step = coalesce(s.step, 0) + 1
CREATE (:AnalyticsStep {stamp: $stamp, step: s.step, entities: $entities, recount: $recount, reshaped: $reshaped})
WITH s
MATCH (old:AnalyticsStep) WHERE old.step <= s.step - $keptSteps
DELETE old
