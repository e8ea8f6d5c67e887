// The benchmark's write to one pairing: its committed funds change by one.
MATCH (p:Pairing {id: $id})
SET p.fundsCommitted = coalesce(p.fundsCommitted, 0) + 1
