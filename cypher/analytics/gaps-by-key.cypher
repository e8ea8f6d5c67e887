// The same as gaps-by-path, walking the key index in order: for regions holding most gaps,
// where the first page is found after reading little more than itself.
MATCH (g:AnalyticsGap)
USING INDEX g:AnalyticsGap(key)
WHERE g.key > $after AND g.path STARTS WITH $prefix AND g.kind IN $kinds
RETURN g {.key, .kind, .subjectId, .subjectName, .subjectLabel, .regionCode, .villageCode, .townCode, .missingKinds, .reasonValues, .path} AS gap
ORDER BY g.key
LIMIT $limit
