// Nodes per label and relationships per type, from the count store (no scan).
CALL apoc.meta.stats() YIELD labels, relTypesCount, nodeCount, relCount
RETURN nodeCount AS nodes, relCount AS relationships,
       apoc.map.fromPairs([label IN keys(labels) WHERE labels[label] > 0 | [label, labels[label]]]) AS labels,
       apoc.map.fromPairs([type IN keys(relTypesCount) WHERE relTypesCount[type] > 0 | [type, relTypesCount[type]]]) AS types
