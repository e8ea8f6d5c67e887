// Deletes the changes a rebuild has read past.
UNWIND $ids AS id
MATCH (c:AnalyticsChange) WHERE elementId(c) = id
DELETE c
