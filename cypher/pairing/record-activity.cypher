MATCH (p:Pairing {id: $pairingId})
CREATE (a:PairingActivity {id: randomUUID(), on: $on, focusArea: $focusArea, title: $title,
                           funds: $funds, beneficiaries: $beneficiaries})-[:UNDER]->(p)
RETURN a {.id, .on, .focusArea, .title, .funds, .beneficiaries} AS activity
