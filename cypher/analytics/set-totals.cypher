UNWIND $rows AS row
MATCH (a:AnalyticsRegion {code: row.code})
SET a.total = row.total
