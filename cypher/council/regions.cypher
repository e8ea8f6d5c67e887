// The regions a council would serve.
UNWIND $codes AS code
MATCH (r:Region {code: code})
RETURN r.code AS code, r.level AS level, r.status AS status
