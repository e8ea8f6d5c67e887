// The oldest waiting changes, read without taking them (analytics/take-changes takes them under
// the lock): a reader checks whether any reaches the region it asks about.
MATCH (c:AnalyticsChange)
WITH c ORDER BY c.at LIMIT $limit
RETURN c.touched AS touched, c.moved AS moved, c.deletedRegions AS deletedRegions, c.rebuild AS rebuild
