// The catch-ups after the one stamped $from up to the one stamped $to: whether the record is
// whole (none pruned, none a change of the region tree, which reshapes every network) and the
// network entities they touched, and whether any asks to recount the village organizations a
// network leaves out (analytics/network-entities). Both ends are found by stamp
// first, then the steps between by number.
MATCH (a:AnalyticsStep {stamp: $from})
MATCH (b:AnalyticsStep {stamp: $to})
WITH a.step AS first, b.step AS last
WHERE first < last
CALL {
  WITH first, last
  MATCH (s:AnalyticsStep) WHERE first < s.step <= last
  RETURN collect(s) AS steps
}
RETURN size(steps) = last - first AND none(s IN steps WHERE s.reshaped) AS whole,
  reduce(all = [], s IN steps | all + s.entities) AS entities, any(s IN steps WHERE s.recount) AS recount
