// The oldest waiting changes, read without taking them (analytics/take-changes takes them under
// the lock), with their keys (as analytics/state names them): a reader checks whether any reaches
// the region it asks about.
MATCH (c:AnalyticsChange)
WITH c ORDER BY c.at LIMIT $limit
RETURN elementId(c) + ' ' + toString(c.at) AS key, c.touched AS touched, c.moved AS moved,
  c.deletedRegions AS deletedRegions, c.rebuild AS rebuild
