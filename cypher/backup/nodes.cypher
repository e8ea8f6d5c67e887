// Every node of the graph, for a backup (streamed; the order does not matter).
MATCH (n)
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
