// Nodes other than the migration ledger: zero means a fresh database that may get the sample region.
MATCH (n) WHERE NOT n:Migration
RETURN count(n) AS nodes
