// How many kept gaps gaps-placed.cypher finds from the start (no $after), and whether one lies
// at or before $after (a previous page exists).
CALL {
  MATCH (g:AnalyticsGap {villageCode: $villageCode}) RETURN g
  UNION
  MATCH (g:AnalyticsGap {townCode: $townCode}) WHERE $villageCode IS NULL RETURN g
}
WITH g
WHERE g.path STARTS WITH $prefix AND g.kind IN $kinds AND ($townCode IS NULL OR g.townCode = $townCode)
RETURN count(g) AS total, count(CASE WHEN g.key <= $after THEN 1 END) > 0 AS before
