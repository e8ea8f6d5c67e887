// The benchmark's write to one village: a property of the village itself changes, so the change
// feed records it and the kept analytics recompute that village's cell.
MATCH (v:Region {code: $code})
SET v.benchWrites = coalesce(v.benchWrites, 0) + 1
