// Before a rebuild: what is kept goes, $limit nodes per transaction.
MATCH (n) WHERE n:AnalyticsRegion OR n:AnalyticsGap OR n:AnalyticsCouncil
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
