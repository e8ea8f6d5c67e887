// Takes (reads and deletes) the oldest waiting changes. Only these are deleted: a change
// committed meanwhile stays for the next catch-up.
MATCH (c:AnalyticsChange)
WITH c ORDER BY c.at LIMIT $limit
WITH c, c.touched AS touched, c.moved AS moved, c.deletedRegions AS deletedRegions, c.rebuild AS rebuild
DELETE c
RETURN touched, moved, deletedRegions, rebuild
