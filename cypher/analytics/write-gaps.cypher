// Kept gaps of the recomputed cells; `path` lists the codes from the top down to the gap's region,
// villageCode and townCode place it for the lists filtered by village or town.
UNWIND $rows AS row
CREATE (:AnalyticsGap {key: row.key, kind: row.kind, subjectId: row.subjectId, subjectName: row.subjectName,
  subjectLabel: row.subjectLabel, regionCode: row.regionCode, villageCode: row.villageCode, townCode: row.townCode,
  missingKinds: row.missingKinds, reasonValues: row.reasonValues, path: row.path, cell: row.cell})
