// Takes (reads and deletes) the oldest waiting changes, with their keys (as analytics/state names
// them). Only these are deleted: a change committed meanwhile stays for the next catch-up.
MATCH (c:AnalyticsChange)
WITH c ORDER BY c.at LIMIT $limit
WITH c, elementId(c) + ' ' + toString(c.at) AS key, c.touched AS touched, c.moved AS moved,
  c.deletedRegions AS deletedRegions, c.rebuild AS rebuild
DELETE c
RETURN key, touched, moved, deletedRegions, rebuild
