// What platform/fingerprint cannot see: the Neo4j type of every property (a Date and the string
// of the same day hash alike there). A hash over every node's labels with its property types,
// and every relationship's type, end keys and property types, independent of internal ids.
CALL {
  MATCH (n)
  WITH apoc.convert.toJson(labels(n)) + apoc.convert.toSortedJsonMap(apoc.meta.cypher.types(n), false) + apoc.convert.toSortedJsonMap(properties(n), false) AS line ORDER BY line
  RETURN apoc.util.md5(collect(line)) AS nodeHash
}
CALL {
  MATCH (a)-[r]->(b)
  WITH apoc.convert.toJson([type(r), coalesce(a.id, a.code), coalesce(b.id, b.code)]) + apoc.convert.toSortedJsonMap(apoc.meta.cypher.types(r), false) + apoc.convert.toSortedJsonMap(properties(r), false) AS line ORDER BY line
  RETURN apoc.util.md5(collect(line)) AS relHash
}
RETURN nodeHash + relHash AS hash
