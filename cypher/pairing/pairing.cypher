// One pairing as the domain writes return it, locked until the write's transaction ends.
MATCH (p:Pairing {id: $id})
CALL apoc.lock.nodes([p])
RETURN p {.id, .kind, .status, .startedOn, .endedOn, .fundsCommitted, focusAreas: coalesce(p.focusAreas, [])} AS pairing,
  [(p)<-[pt:PARTY_TO]-(o:PartyOrganization) | {organizationId: o.id, name: o.name, role: pt.role}] AS parties
