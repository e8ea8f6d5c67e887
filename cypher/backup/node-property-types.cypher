// The census of node property types: how many nodes of each label set hold each property with
// each Neo4j type (a Date and the string of the same day count apart). platform/fingerprint hashes
// values but not their types; the two together tell whether a restore reproduced the graph exactly.
MATCH (n)
UNWIND keys(n) AS property
WITH apoc.coll.sort(labels(n)) AS labels, property, valueType(n[property]) AS type
RETURN labels, property, type, count(*) AS count
ORDER BY apoc.convert.toJson(labels), property, type
