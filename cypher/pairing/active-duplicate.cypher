// ACTIVE pairings of this kind whose parties are exactly these organizations.
MATCH (:PartyOrganization {id: $ids[0]})-[:PARTY_TO]->(p:Pairing {kind: $kind, status: 'ACTIVE'})
MATCH (p)<-[:PARTY_TO]-(o:PartyOrganization)
WITH p, collect(o.id) AS parties
WHERE size(parties) = size($ids) AND all(id IN $ids WHERE id IN parties)
RETURN p.id AS id
