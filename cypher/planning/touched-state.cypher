// The state of everything an apply touched or created: each node's properties (hashed) and
// how many relationships it has. Recorded after the apply, compared before a revert.
CALL {
  UNWIND $codes AS code MATCH (n:Region {code: code}) RETURN 'Region ' + code AS key, n
  UNION UNWIND $orgIds AS id MATCH (n:PartyOrganization {id: id}) RETURN 'PartyOrganization ' + id AS key, n
}
RETURN key, apoc.util.md5([apoc.convert.toSortedJsonMap(properties(n), false)]) AS hash, COUNT { (n)--() } AS degree
ORDER BY key
