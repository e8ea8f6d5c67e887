// The names of the database's indexes (a constraint's own index carries the constraint's name).
SHOW INDEXES YIELD name
RETURN name
