// Node count per domain label (not the kept analytics), read from the count store (no scan, whatever the graph's size).
CALL apoc.meta.stats() YIELD labels
UNWIND keys(labels) AS label
WITH labels, label WHERE NOT label STARTS WITH 'Analytics'
RETURN label, labels[label] AS count
ORDER BY label
