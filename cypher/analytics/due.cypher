// Cells and councils whose answer may change by date alone on or before $day.
CALL {
  MATCH (a:AnalyticsRegion) WHERE a.changesOn <= $day
  RETURN collect(DISTINCT a.cell) AS cells
}
CALL {
  MATCH (c:AnalyticsCouncil) WHERE c.changesOn <= $day
  RETURN collect(c.id) AS councils
}
RETURN cells, councils
