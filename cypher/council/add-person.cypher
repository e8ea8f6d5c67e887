MATCH (c:JointCouncil {id: $councilId})
MATCH (p:Person {id: $memberId})
CREATE (p)-[:SITS_ON {capacity: $capacity}]->(c)
RETURN p.id AS memberId
