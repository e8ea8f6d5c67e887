// For regions above recomputed cells: total = own figures + the kept totals of their ACTIVE
// children, summed position by position (a tally is a list of counts); each gets the catch-up's
// stamp, as something at or below it changed. Villages and grids are cells, not rolled up.
// Deepest first (along ACTIVE regions, as analytics/cells' chain; any other region last), one
// region at a time: each CALL sees the totals the ones before it set, so a parent adds its
// children's new totals.
UNWIND $codes AS code
MATCH (r:Region {code: code})
WHERE NOT r.level IN ['VILLAGE', 'GRID']
WITH r, CASE WHEN r.status = 'ACTIVE' THEN head(COLLECT {
    MATCH p = (r)-[:PART_OF*0..]->(:Region)
    WHERE all(x IN nodes(p) WHERE x.status = 'ACTIVE')
    RETURN length(p) + 1 ORDER BY length(p) DESC LIMIT 1
  }) ELSE 0 END AS depth
ORDER BY depth DESC
CALL {
  WITH r
  MATCH (a:AnalyticsRegion {code: r.code})
  WITH a, COLLECT { MATCH (r)<-[:PART_OF]-(c:Region {status: 'ACTIVE'}) MATCH (t:AnalyticsRegion {code: c.code}) RETURN t.total } AS children
  SET a.total = reduce(sum = coalesce(a.own, $empty), t IN children | [i IN range(0, size(sum) - 1) | sum[i] + coalesce(t[i], 0)]),
    a.stamp = $stamp
}
