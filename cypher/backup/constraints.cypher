// The constraints of the database, as the statements that create them.
SHOW CONSTRAINTS YIELD name, type, createStatement
RETURN name, type, createStatement ORDER BY name
