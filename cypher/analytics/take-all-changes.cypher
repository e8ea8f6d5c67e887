// Before a rebuild: the waiting changes, by element id. The rebuild deletes exactly these.
MATCH (c:AnalyticsChange)
RETURN collect(elementId(c)) AS ids
