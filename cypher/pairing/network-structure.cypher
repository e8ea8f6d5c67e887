// What a network (given by its node ids) leaves out of region R: the ACTIVE village
// organizations based in R that are in no pairing or council of it.
MATCH (root:Region {code: $regionCode})
MATCH p = (r:Region)-[:PART_OF*0..]->(root)
WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE')
MATCH (o:PartyOrganization {category: 'VILLAGE', status: 'ACTIVE'})-[:BASED_IN]->(r)
WHERE NOT o.id IN $ids
RETURN count(DISTINCT o) AS isolatedVillageOrganizations
