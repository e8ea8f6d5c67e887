// Moves a scenario on: DRAFT → APPLIED (with its log) → REVERTED, or DRAFT → DISCARDED.
MATCH (s:MergeScenario {id: $id})
SET s.status = $status, s.appliedAt = CASE WHEN $status = 'APPLIED' THEN datetime() ELSE s.appliedAt END,
    s.applyLog = coalesce($applyLog, s.applyLog)
RETURN s.id AS id
