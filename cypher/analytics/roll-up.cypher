// For regions above recomputed cells (all of one depth): total = own figures + the kept totals
// of their ACTIVE children, summed position by position (a tally is a list of counts); each
// gets the catch-up's stamp, as something at or below it changed.
UNWIND $codes AS code
MATCH (a:AnalyticsRegion {code: code})
WITH a, COLLECT { MATCH (:Region {code: code})<-[:PART_OF]-(c:Region {status: 'ACTIVE'}) MATCH (t:AnalyticsRegion {code: c.code}) RETURN t.total } AS children
SET a.total = reduce(sum = coalesce(a.own, $empty), t IN children | [i IN range(0, size(sum) - 1) | sum[i] + coalesce(t[i], 0)]),
  a.stamp = $stamp
