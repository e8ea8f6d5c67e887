// A region's kept place (path) and totals.
MATCH (a:AnalyticsRegion {code: $regionCode})
RETURN a.path AS path, a.total AS total
