// Undoes an apply from its log: created new villages and their organizations go with every
// relationship the apply gave them; absorbed villages and organizations get back their level,
// category, kind and the PART_OF / SUBORDINATE_TO relationships the apply removed.
CALL {
  UNWIND $createdOrgIds AS id MATCH (o:PartyOrganization {id: id}) DETACH DELETE o
}
CALL {
  UNWIND $createdCodes AS code MATCH (r:Region {code: code}) DETACH DELETE r
}
CALL {
  UNWIND $regions AS region
  MATCH (v:Region {code: region.code})
  SET v.level = region.level, v.formerLevel = region.formerLevel
  WITH v, region
  UNWIND region.partOf AS parentCode
  MATCH (p:Region {code: parentCode})
  CREATE (v)-[:PART_OF]->(p)
  RETURN count(*) AS partOf
}
CALL {
  UNWIND $orgs AS org
  MATCH (o:PartyOrganization {id: org.id})
  SET o.category = org.category, o.kind = org.kind
  WITH o, org
  UNWIND org.subordinateTo AS superiorId
  MATCH (s:PartyOrganization {id: superiorId})
  CREATE (o)-[:SUBORDINATE_TO]->(s)
  RETURN count(*) AS subordinateTo
}
// The service compares these counts with its log: a parent or superior deleted since the
// apply would make the revert incomplete, so it is refused (and rolled back) instead.
RETURN partOf, subordinateTo
