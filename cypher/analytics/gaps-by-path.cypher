// Kept gaps in a region (its path is a prefix of theirs) of $kinds after $after, in key order:
// found through the path index, for regions with few gaps.
MATCH (g:AnalyticsGap)
USING INDEX g:AnalyticsGap(path)
WHERE g.path STARTS WITH $prefix AND g.kind IN $kinds AND g.key > $after
RETURN g {.key, .kind, .subjectId, .subjectName, .subjectLabel, .regionCode, .villageCode, .townCode, .missingKinds, .reasonValues, .path} AS gap
ORDER BY g.key
LIMIT $limit
