// The ledger of versioned migrations (cypher/migrations/): one node per applied migration.
CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (n:Migration) REQUIRE n.id IS UNIQUE
