// Writes DivisionUnits of an official division list (only the rows that are new or differ).
UNWIND $rows AS row
MERGE (u:DivisionUnit {id: row.id})
SET u.vintage = row.vintage, u.code = row.code, u.level = row.level, u.name = row.name,
  u.officialName = row.officialName, u.parentCode = row.parentCode
RETURN count(u) AS written
