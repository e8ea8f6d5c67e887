// Kept figures of regions: `own` the subjects of a cell that is not a village (summed with
// its children's totals by the roll-up), `total` everything at or below the region, `stamp`
// the catch-up (or rebuild) that last recomputed anything at or below it.
UNWIND $rows AS row
CREATE (a:AnalyticsRegion {code: row.code, cell: row.cell, path: row.path, tree: row.tree, own: row.own, total: row.total, changesOn: row.changesOn, stamp: $stamp})
