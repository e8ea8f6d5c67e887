// Kept councils: when their answer may change by date, and their gap (if inactive) with every
// served region's path, so that a gap list or report of any region they serve finds them.
UNWIND $ids AS id
OPTIONAL MATCH (old:AnalyticsCouncil {id: id})
DELETE old
WITH count(*) AS cleared
UNWIND $rows AS row
CREATE (:AnalyticsCouncil {id: row.id, changesOn: row.changesOn, gap: row.gap, key: row.key, kind: 'COUNCIL_INACTIVE',
  subjectName: row.subjectName, reasonValues: row.reasonValues, served: row.served, villageCodes: row.villageCodes, townCodes: row.townCodes,
  paths: row.paths, scope: row.scope})
