// A region's kept place (path), totals and stamp (which changes whenever anything at or below it
// is recomputed).
MATCH (a:AnalyticsRegion {code: $regionCode})
RETURN a.path AS path, a.total AS total, a.stamp AS stamp
