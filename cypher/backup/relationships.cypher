// Every relationship of the graph with the element ids of its ends, for a backup (streamed).
MATCH (a)-[r]->(b)
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS properties
