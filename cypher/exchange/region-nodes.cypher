// Import (src/exchange): upsert one batch of Region rows by code. row.props holds only the
// file's non-empty cells, so an empty cell leaves what is stored alone; a new one is ACTIVE
// unless the file says otherwise.
UNWIND $rows AS row
MERGE (n:Region {code: row.key})
ON CREATE SET n.status = 'ACTIVE'
SET n += row.props
