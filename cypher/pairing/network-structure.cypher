// Connected components of a network given by its node ids, computed in the database: a
// breadth-first walk from each pairing and council over the network's relationship types,
// staying on the network's nodes. Also counts the ACTIVE village organizations in R that
// are not in the network at all.
CALL {
  UNWIND $ids AS id
  CALL {
    WITH id MATCH (n:PartyOrganization {id: id}) RETURN n
    UNION WITH id MATCH (n:Institution {id: id}) RETURN n
    UNION WITH id MATCH (n:TwoNewOrganization {id: id}) RETURN n
    UNION WITH id MATCH (n:Pairing {id: id}) RETURN n
    UNION WITH id MATCH (n:JointCouncil {id: id}) RETURN n
  }
  RETURN collect(n) AS members
}
CALL {
  WITH members
  UNWIND [m IN members WHERE m:Pairing OR m:JointCouncil] AS start
  CALL apoc.path.subgraphNodes(start, {
    relationshipFilter: 'PARTY_TO|HAS_PARTY_ORG|MEMBER_UNIT_OF|CONVENED_BY',
    whitelistNodes: members
  }) YIELD node
  WITH start, min(node.id) AS representative
  RETURN count(DISTINCT representative) AS components
}
CALL {
  MATCH (root:Region {code: $regionCode})
  MATCH p = (r:Region)-[:PART_OF*0..]->(root)
  WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE')
  MATCH (o:PartyOrganization {category: 'VILLAGE', status: 'ACTIVE'})-[:BASED_IN]->(r)
  WHERE NOT o.id IN $ids
  RETURN count(DISTINCT o) AS isolatedVillageOrganizations
}
RETURN components, isolatedVillageOrganizations
