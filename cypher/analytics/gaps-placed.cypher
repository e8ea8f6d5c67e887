// Kept gaps of one village or town (by villageCode, else by townCode; both when both are given)
// in a region (its path is a prefix of theirs), of $kinds after $after, in key order: found
// through the code's index, since a village or a town holds few gaps.
CALL {
  MATCH (g:AnalyticsGap {villageCode: $villageCode}) RETURN g
  UNION
  MATCH (g:AnalyticsGap {townCode: $townCode}) WHERE $villageCode IS NULL RETURN g
}
WITH g
WHERE g.path STARTS WITH $prefix AND g.kind IN $kinds AND g.key > $after AND ($townCode IS NULL OR g.townCode = $townCode)
RETURN g {.key, .kind, .subjectId, .subjectName, .subjectLabel, .regionCode, .villageCode, .townCode, .missingKinds, .reasonValues, .path} AS gap
ORDER BY g.key
LIMIT $limit
