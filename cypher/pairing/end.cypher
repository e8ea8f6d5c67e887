MATCH (p:Pairing {id: $id})
SET p.status = 'ENDED', p.endedOn = $endedOn
RETURN p.id AS id
