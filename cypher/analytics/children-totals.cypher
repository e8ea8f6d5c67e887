// For regions above the cells: their own figures and the kept totals of their ACTIVE children.
UNWIND $codes AS code
MATCH (a:AnalyticsRegion {code: code})
RETURN code, a.own AS own,
  COLLECT { MATCH (:Region {code: code})<-[:PART_OF]-(c:Region {status: 'ACTIVE'}) MATCH (t:AnalyticsRegion {code: c.code}) RETURN t.total } AS children
