// Locks a scenario until the transaction ends: two concurrent applies, reverts or discards
// of one scenario run one after the other, and the second sees the first's status.
MATCH (s:MergeScenario {id: $id})
CALL apoc.lock.nodes([s])
RETURN s.id AS id
