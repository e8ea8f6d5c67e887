// The indexes that are not a constraint's own and not the built-in token lookups, as statements.
SHOW INDEXES YIELD name, type, owningConstraint, createStatement
WHERE owningConstraint IS NULL AND type <> 'LOOKUP'
RETURN name, type, createStatement ORDER BY name
