// A fingerprint of the whole graph but the labels in $excludeLabels (and their relationships)
// and the kept analytics (labels Analytics*, derived from the rest):
// node and relationship counts, and a hash over every node's labels and properties and every
// relationship's type, end keys and properties. Independent of internal ids, so a graph
// rebuilt exactly (e.g. by a revert) has the same fingerprint.
CALL {
  MATCH (n) WHERE none(l IN labels(n) WHERE l IN $excludeLabels OR l STARTS WITH 'Analytics')
  WITH apoc.convert.toJson(labels(n)) + apoc.convert.toSortedJsonMap(properties(n), false) AS line ORDER BY line
  RETURN count(*) AS nodes, apoc.util.md5(collect(line)) AS nodeHash
}
CALL {
  MATCH (a)-[r]->(b)
  WHERE none(l IN labels(a) + labels(b) WHERE l IN $excludeLabels OR l STARTS WITH 'Analytics')
  WITH apoc.convert.toJson([type(r), coalesce(a.id, a.code), coalesce(b.id, b.code)]) + apoc.convert.toSortedJsonMap(properties(r), false) AS line ORDER BY line
  RETURN count(*) AS relationships, apoc.util.md5(collect(line)) AS relHash
}
RETURN nodes, relationships, nodeHash + relHash AS hash
