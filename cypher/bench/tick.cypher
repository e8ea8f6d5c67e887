// A write that changes one property of the benchmark's own node: it commits (a write that
// changes nothing would not), so the graph's state mark moves on and the API's remembered
// coverage answers no longer apply (the benchmark's "fresh" rows).
MERGE (tick:BenchTick {id: 'tick'})
SET tick.count = coalesce(tick.count, 0) + 1
