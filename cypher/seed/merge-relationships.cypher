// Upsert one batch of relationships of one type between two labels, ends named by key.
// {{type}}, {{from}}, {{to}} and the keys come from the domain's fixed lists, never from input.
UNWIND $rows AS row
MATCH (a:`{{from}}` {`{{fromKey}}`: row.from})
MATCH (b:`{{to}}` {`{{toKey}}`: row.to})
MERGE (a)-[r:`{{type}}`]->(b)
SET r += row.props
RETURN count(r) AS merged, size($rows) AS expected
