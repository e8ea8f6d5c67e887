// The census of relationship property types: per relationship type, property and Neo4j type, how many.
MATCH ()-[r]->()
UNWIND keys(r) AS property
WITH type(r) AS relationshipType, property, valueType(r[property]) AS type
RETURN relationshipType, property, type, count(*) AS count
ORDER BY relationshipType, property, type
