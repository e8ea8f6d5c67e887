// Every migration applied to this database, in the order of their ids.
MATCH (m:Migration)
RETURN m.id AS id, m.checksum AS checksum, toString(m.appliedAt) AS appliedAt
ORDER BY m.id
