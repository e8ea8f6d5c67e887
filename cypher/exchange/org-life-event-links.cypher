// Import (src/exchange): one batch of OrgLifeEvent rows, written after every sheet's nodes. An
// event is one organization's meeting of one kind on one day: a row matching an event already
// held by organizationId (same kind, same heldOn) updates it, else the event is created with
// its HELD_BY. row.props holds only the file's non-empty cells, so an empty cell leaves what is
// stored alone.
UNWIND $rows AS row
MATCH (o:PartyOrganization {id: row.organizationId})
MERGE (e:OrgLifeEvent {kind: row.props.kind, heldOn: row.props.heldOn})-[:HELD_BY]->(o)
ON CREATE SET e.id = randomUUID()
SET e += row.props
