// A fingerprint of the whole graph: node and relationship counts, and a hash over every
// node's labels and properties and every relationship's type, ends and properties.
CALL {
  MATCH (n)
  WITH n ORDER BY elementId(n)
  RETURN count(n) AS nodes, apoc.util.md5(collect(apoc.convert.toJson([labels(n), properties(n)]))) AS nodeHash
}
CALL {
  MATCH (a)-[r]->(b)
  WITH a, r, b ORDER BY elementId(r)
  RETURN count(r) AS relationships,
         apoc.util.md5(collect(apoc.convert.toJson([type(r), elementId(a), elementId(b), properties(r)]))) AS relHash
}
RETURN nodes, relationships, nodeHash + relHash AS hash
