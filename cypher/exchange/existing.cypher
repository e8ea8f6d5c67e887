// Import (src/exchange): which of the file's keys (its rows' and the ones its references name)
// already exist, whatever the caller's region scope, because keys are unique across the whole
// graph; with the regions each node is in (a region itself; where an organization is based or
// located; where a person lives or is a member), for the scope check.
UNWIND $keys.Region AS key
MATCH (n:Region {code: key})
RETURN 'Region' AS sheet, n.code AS key, [n.code] AS regions
UNION ALL
UNWIND $keys.PartyOrganization AS key
MATCH (n:PartyOrganization {id: key})
RETURN 'PartyOrganization' AS sheet, n.id AS key, [(n)-[:BASED_IN]->(r:Region) | r.code] AS regions
UNION ALL
UNWIND $keys.TwoNewOrganization AS key
MATCH (n:TwoNewOrganization {id: key})
RETURN 'TwoNewOrganization' AS sheet, n.id AS key, [(n)-[:LOCATED_IN]->(r:Region) | r.code] AS regions
UNION ALL
UNWIND $keys.Cooperative AS key
MATCH (n:Cooperative {id: key})
RETURN 'Cooperative' AS sheet, n.id AS key, [(n)-[:LOCATED_IN]->(r:Region) | r.code] AS regions
UNION ALL
UNWIND $keys.Institution AS key
MATCH (n:Institution {id: key})
RETURN 'Institution' AS sheet, n.id AS key, [(n)-[:LOCATED_IN]->(r:Region) | r.code] AS regions
UNION ALL
UNWIND $keys.Person AS key
MATCH (n:Person {id: key})
RETURN 'Person' AS sheet, n.id AS key,
  [(n)-[:LIVES_IN]->(r:Region) | r.code] + [(n)-[:MEMBER_OF]->(:PartyOrganization)-[:BASED_IN]->(r:Region) | r.code] AS regions
