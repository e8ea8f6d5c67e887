// One audit entry per write, created inside the write's own transaction so it commits with it.
CREATE (a:AuditEntry {
  id: randomUUID(),
  at: datetime(),
  actor: $actor,
  role: $role,
  operation: $operation,
  subjectIds: $subjectIds,
  regionCodes: $regionCodes
})
RETURN a.id AS id
