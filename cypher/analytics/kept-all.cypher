// Everything kept, for `verify`: region totals, gaps, and councils.
CALL {
  MATCH (a:AnalyticsRegion)
  RETURN collect({code: a.code, total: a.total, path: a.path}) AS regions
}
CALL {
  MATCH (g:AnalyticsGap)
  RETURN collect(g {.key, .regionCode, .villageCode, .townCode, .missingKinds, .reasonValues, .path, .subjectName, .subjectLabel}) AS gaps
}
CALL {
  MATCH (c:AnalyticsCouncil)
  RETURN collect(c {.id, .gap, .key, .reasonValues, .scope, .villageCodes, .townCodes}) AS councils
}
RETURN regions, gaps, councils
