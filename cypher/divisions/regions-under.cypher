// The codes of live regions under a code prefix (grids left out): what the graph holds where
// a division list is imported.
MATCH (r:Region)
WHERE r.code STARTS WITH $prefix AND NOT r.code CONTAINS '-'
RETURN r.code AS code
