// Removes what is kept for some cells, returning where their regions were (to roll up after).
CALL {
  MATCH (g:AnalyticsGap) WHERE g.cell IN $cells
  DELETE g
}
MATCH (a:AnalyticsRegion) WHERE a.cell IN $cells
WITH a, a.path AS path
DELETE a
RETURN collect(path) AS paths
