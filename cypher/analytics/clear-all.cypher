// Before a rebuild: everything kept goes, in batches of the caller's transaction.
MATCH (n) WHERE n:AnalyticsRegion OR n:AnalyticsGap OR n:AnalyticsCouncil
DETACH DELETE n
