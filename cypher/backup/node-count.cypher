// How many nodes the database holds, and of which labels (a restore needs an empty database).
MATCH (n)
WITH count(n) AS nodes
CALL apoc.meta.stats() YIELD labels
RETURN nodes, [label IN keys(labels) WHERE labels[label] > 0] AS labels
