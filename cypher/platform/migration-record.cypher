// Records one applied migration in the ledger (in the migration's own transaction when it has only data statements).
CREATE (m:Migration {id: $id, name: $name, checksum: $checksum, appliedAt: datetime(), statements: $statements, durationMs: $durationMs})
RETURN m.id AS id
