// Kept inactive councils serving a region whose path starts with $prefix, after $after in
// gap order, at most $limit.
MATCH (c:AnalyticsCouncil {gap: true})
WHERE any(p IN c.paths WHERE p STARTS WITH $prefix) AND ($after IS NULL OR c.key > $after)
RETURN c.key AS key, c.id AS subjectId, c.subjectName AS subjectName, c.reasonValues AS reasonValues, c.served AS served,
  c.villageCodes AS villageCodes, c.townCodes AS townCodes, c.paths AS paths, c.scope AS scope
ORDER BY c.key
LIMIT $limit
