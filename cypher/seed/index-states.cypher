// Every index with its state: after a load, each must be ONLINE before the database is said to answer.
SHOW INDEXES YIELD name, state
RETURN name, state ORDER BY name
