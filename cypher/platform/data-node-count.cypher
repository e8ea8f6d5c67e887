// Nodes other than the migration ledger and the kept analytics (labels Analytics*, derived):
// zero means a fresh database that may get the sample region.
MATCH (n) WHERE NOT n:Migration AND none(l IN labels(n) WHERE l STARTS WITH 'Analytics')
RETURN count(n) AS nodes
