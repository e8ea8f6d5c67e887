// The names of the database's constraints: with index-names, what applySchema has nothing to create for.
SHOW CONSTRAINTS YIELD name
RETURN name
