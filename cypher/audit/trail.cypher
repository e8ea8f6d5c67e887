// The audit trail, newest first, filtered by time window, actor, operation and region (an entry
// touching the region or one below it). Keyset paging: entries strictly before ($beforeAt, $beforeId).
MATCH (a:AuditEntry)
WHERE ($from IS NULL OR a.at >= datetime($from))
  AND ($to IS NULL OR a.at < datetime($to))
  AND ($actor IS NULL OR a.actor = $actor)
  AND ($operation IS NULL OR a.operation = $operation)
  AND ($regionCode IS NULL OR EXISTS {
    MATCH (r:Region)-[:PART_OF*0..]->(:Region {code: $regionCode}) WHERE r.code IN a.regionCodes
  })
  AND ($beforeAt IS NULL OR a.at < datetime($beforeAt) OR (a.at = datetime($beforeAt) AND a.id < $beforeId))
RETURN a {.id, .actor, .role, .operation, .subjectIds, .regionCodes, at: a.at} AS entry
ORDER BY a.at DESC, a.id DESC
LIMIT $limit
