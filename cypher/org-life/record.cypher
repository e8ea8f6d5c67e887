// Records a batch of organizational-life events (checked and de-duplicated by the caller): the
// same organization, kind and date is one event, so an event already there is matched, not
// created again. A new event gets the id the caller chose (newId), which tells it apart.
// Attendees and topic given replace the stored ones; absent ones leave them alone.
UNWIND $events AS input
MATCH (o:PartyOrganization {id: input.organizationId})
MERGE (e:OrgLifeEvent {kind: input.kind, heldOn: input.heldOn})-[:HELD_BY]->(o)
ON CREATE SET e.id = input.newId
SET e.attendees = coalesce(input.attendees, e.attendees), e.topic = coalesce(input.topic, e.topic)
RETURN e {.id, .kind, .heldOn, .attendees, .topic, organizationId: o.id} AS event, input.newId AS newId
ORDER BY input.index
