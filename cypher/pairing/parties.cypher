// The party organizations a pairing would join, locked until the transaction ends (so two
// concurrent writes cannot both pass the duplicate check), with what the domain checks need:
// status, category, and whether their village is weak (DOMAIN.md: a weak village org, or the
// village's collective income).
UNWIND $ids AS id
MATCH (o:PartyOrganization {id: id})
// Outside the caller's $scope an organization does not exist.
WHERE ($scope IS NULL OR EXISTS { MATCH (o)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope })
WITH collect(o) AS orgs
CALL apoc.lock.nodes(orgs)
UNWIND orgs AS o
OPTIONAL MATCH (o)-[:BASED_IN]->(r:Region)
WITH o, head(collect(r)) AS r
RETURN o.id AS id, o.name AS name, o.status AS status, o.category AS category,
  coalesce(o.isWeak, false)
    OR any(x IN [(r)<-[:BASED_IN]-(v:PartyOrganization {category: 'VILLAGE', status: 'ACTIVE'}) | v] WHERE coalesce(x.isWeak, false)) AS orgIsWeak,
  r.collectiveIncome AS collectiveIncome
