// Kept gaps of the recomputed cells; `path` lists the codes from the top down to the gap's region.
UNWIND $rows AS row
CREATE (:AnalyticsGap {key: row.key, kind: row.kind, subjectId: row.subjectId, subjectName: row.subjectName,
  subjectLabel: row.subjectLabel, regionCode: row.regionCode, reason: row.reason, path: row.path, cell: row.cell})
