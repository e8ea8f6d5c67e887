// Upsert one batch of nodes of one label by its key. {{label}} and {{key}} are filled from
// the domain's fixed label list (src/domain/model.ts), never from input; values are parameters.
UNWIND $rows AS row
MERGE (n:`{{label}}` {`{{key}}`: row.key})
SET n += row.props
