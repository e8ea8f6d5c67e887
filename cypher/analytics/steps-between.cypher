// The catch-ups after the one stamped $from up to the one stamped $to: whether the record is
// whole (none pruned, none a change of the region tree, which reshapes every network) and the
// network entities they touched (analytics/network-entities).
MATCH (a:AnalyticsStep {stamp: $from}), (b:AnalyticsStep {stamp: $to})
WHERE a.step < b.step
MATCH (s:AnalyticsStep) WHERE a.step < s.step <= b.step
WITH b.step - a.step AS expected, collect(s) AS steps
RETURN size(steps) = expected AND none(s IN steps WHERE s.reshaped) AS whole,
  reduce(all = [], s IN steps | all + s.entities) AS entities
