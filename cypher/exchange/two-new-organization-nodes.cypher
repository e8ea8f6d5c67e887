// Import (src/exchange): upsert one batch of TwoNewOrganization rows by id. row.props holds only the
// file's non-empty cells, so an empty cell leaves what is stored alone.
UNWIND $rows AS row
MERGE (n:TwoNewOrganization {id: row.key})
SET n += row.props
