// Removes what is kept for some cells: the given $cells, the cells the kept answers hold for the
// regions $codes, and those kept below the regions $below (by stored path, so that answers kept
// where a region used to be go too). Returns the cells removed and where their regions were (to
// roll up after).
CALL {
  UNWIND $cells AS cell
  RETURN cell
  UNION
  UNWIND $codes AS code
  MATCH (a:AnalyticsRegion {code: code})
  RETURN a.cell AS cell
  UNION
  UNWIND $below AS code
  MATCH (a:AnalyticsRegion) WHERE a.path CONTAINS '/' + code + '/'
  RETURN a.cell AS cell
}
WITH collect(DISTINCT cell) AS cells
CALL {
  WITH cells
  MATCH (g:AnalyticsGap) WHERE g.cell IN cells
  DELETE g
}
CALL {
  WITH cells
  MATCH (a:AnalyticsRegion) WHERE a.cell IN cells
  WITH a, a.path AS path
  DELETE a
  RETURN collect(path) AS paths
}
RETURN cells, paths
