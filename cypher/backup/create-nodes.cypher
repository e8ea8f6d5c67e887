// Restores a batch of nodes that share their labels (the slot after n: ":`A`:`B`", or nothing).
UNWIND $rows AS row
CREATE (n{{labels}})
SET n = row.properties
RETURN row.node AS node, elementId(n) AS id
