// Moves a scenario on: DRAFT → APPLIED (with its log) → REVERTED, or DRAFT → DISCARDED.
// The apply log is kept after a revert, as a record of what was undone.
MATCH (s:MergeScenario {id: $id})
SET s.status = $status, s.appliedAt = CASE WHEN $status = 'APPLIED' THEN datetime() ELSE s.appliedAt END,
    s.applyLog = coalesce($applyLog, s.applyLog)
RETURN s.id AS id
