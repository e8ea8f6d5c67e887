// A probe node, committed alone: a live change feed records it in an (:AnalyticsChange).
CREATE (p:ChangeFeedProbe {at: datetime()})
RETURN elementId(p) AS id
