// Each region's cell: the unit the analytics recompute. A village with every grid below it is
// one cell (its rules read its grids); any other region is a cell of its own subjects.
// chain: the codes from the topmost ACTIVE ancestor down to the region itself, along ACTIVE
// regions only (empty when the region is not ACTIVE): where its subjects count.
UNWIND $codes AS code
MATCH (r:Region {code: code})
WITH r, r.level IN ['VILLAGE', 'GRID'] AS tree
RETURN r.code AS code, tree,
  CASE WHEN tree THEN head(COLLECT {
    MATCH p = (r)-[:PART_OF*0..]->(c:Region)
    WHERE all(x IN nodes(p) WHERE x.level IN ['VILLAGE', 'GRID'])
      AND NOT EXISTS { (c)-[:PART_OF]->(up:Region) WHERE up.level IN ['VILLAGE', 'GRID'] }
    RETURN c.code ORDER BY length(p) DESC LIMIT 1
  }) ELSE r.code END AS cell,
  CASE WHEN r.status = 'ACTIVE' THEN head(COLLECT {
    MATCH p = (r)-[:PART_OF*0..]->(top:Region)
    WHERE all(x IN nodes(p) WHERE x.status = 'ACTIVE')
    RETURN reverse([x IN nodes(p) | x.code]) AS chain ORDER BY length(p) DESC LIMIT 1
  }) ELSE [] END AS chain
