// The region a report or gap list is asked for, whatever its status.
MATCH (r:Region {code: $regionCode})
RETURN r.code AS code, r.name AS name, r.level AS level, r.status AS status
