// Restores a batch of relationships of one type (the slot after r:, escaped); the ends are the element ids of restored nodes.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.start
MATCH (b) WHERE elementId(b) = row.end
CREATE (a)-[r:{{type}}]->(b)
SET r = row.properties
RETURN count(r) AS created
