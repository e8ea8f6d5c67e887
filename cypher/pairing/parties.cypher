// The party organizations a pairing would join, with what the domain checks need:
// status, category, whether weak (软弱涣散, or its village's collective income).
UNWIND $ids AS id
MATCH (o:PartyOrganization {id: id})
RETURN o.id AS id, o.name AS name, o.status AS status, o.category AS category,
  coalesce(o.isWeak, false) AS isWeak,
  head([(o)-[:BASED_IN]->(r:Region) | r.collectiveIncome]) AS collectiveIncome
