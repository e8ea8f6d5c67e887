// The DivisionUnits of a vintage that exist among $ids, as the import compares them.
UNWIND $ids AS id
MATCH (u:DivisionUnit {id: id})
RETURN u.id AS id, u.vintage AS vintage, u.code AS code, u.level AS level, u.name AS name,
  u.officialName AS officialName, u.parentCode AS parentCode
