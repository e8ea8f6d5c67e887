// Whether the probe's change was recorded; then the probe and its change are removed.
OPTIONAL MATCH (c:AnalyticsChange) WHERE $id IN c.touched
WITH collect(c) AS changes
OPTIONAL MATCH (p:ChangeFeedProbe) WHERE elementId(p) = $id
WITH changes, p, size(changes) > 0 AS recorded
FOREACH (c IN changes | DELETE c)
DETACH DELETE p
RETURN recorded
