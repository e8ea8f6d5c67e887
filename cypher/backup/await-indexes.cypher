// Waits (up to 10 minutes) until every index is online after a restore.
CALL db.awaitIndexes(600)
