// The cells the kept answers hold for some regions, and the cells kept below some regions
// (by their stored path), so that answers kept where a region used to be are recomputed too.
CALL {
  UNWIND $codes AS code
  MATCH (a:AnalyticsRegion {code: code})
  RETURN a.cell AS cell
  UNION
  UNWIND $below AS code
  MATCH (a:AnalyticsRegion) WHERE a.path CONTAINS '/' + code + '/'
  RETURN a.cell AS cell
}
RETURN collect(DISTINCT cell) AS cells
