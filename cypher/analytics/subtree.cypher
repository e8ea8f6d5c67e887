// Every region at or below the given ones (any status): their cells are recomputed when a
// region above them moves or changes status.
UNWIND $codes AS code
MATCH (:Region {code: code})<-[:PART_OF*0..]-(r:Region)
RETURN collect(DISTINCT r.code) AS codes
