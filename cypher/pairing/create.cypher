// A new ACTIVE pairing with its parties (ids checked beforehand, in the same transaction).
CREATE (p:Pairing {id: randomUUID(), kind: $kind, status: 'ACTIVE', startedOn: $startedOn,
                   focusAreas: $focusAreas, fundsCommitted: $fundsCommitted})
WITH p
UNWIND $parties AS party
MATCH (o:PartyOrganization {id: party.organizationId})
CREATE (o)-[:PARTY_TO {role: party.role}]->(p)
RETURN DISTINCT p.id AS id
