MATCH (o:PartyOrganization {id: $id})
RETURN o.id AS id, o.status AS status, o.category AS category
