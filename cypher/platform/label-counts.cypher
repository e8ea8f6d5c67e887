// Node count per label, read from the count store (no scan, whatever the graph's size).
CALL apoc.meta.stats() YIELD labels
UNWIND keys(labels) AS label
RETURN label, labels[label] AS count
ORDER BY label
