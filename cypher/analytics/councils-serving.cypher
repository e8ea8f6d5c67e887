// Joint councils serving any of the given regions.
UNWIND $codes AS code
MATCH (:Region {code: code})<-[:SERVES]-(c:JointCouncil)
RETURN collect(DISTINCT c.id) AS councils
