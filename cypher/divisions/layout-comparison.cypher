// The layout comparison of a region (src/divisions/layout.service.ts): the towns under its code
// prefix in the vintages $years of the official division codes, each with its village-level
// units counted, 村 (VILLAGE) and 居 (RESIDENTIAL) apart; the region's own unit in each vintage;
// and the vintages as recorded. DivisionUnits are data, not live regions: the caller has
// already found the region in the caller's $scope, and everything under its code is under it.
CALL {
  MATCH (t:DivisionUnit {level: 'TOWN'})
  WHERE t.code STARTS WITH $prefix AND t.vintage IN $years
  WITH t ORDER BY t.code, t.vintage
  RETURN collect(t {
    .code, .vintage, .name, .officialName,
    villages: COUNT { MATCH (v:DivisionUnit) WHERE v.parentCode = t.code AND v.vintage = t.vintage AND v.level = 'VILLAGE' },
    residential: COUNT { MATCH (v:DivisionUnit) WHERE v.parentCode = t.code AND v.vintage = t.vintage AND v.level = 'RESIDENTIAL' }
  }) AS towns
}
CALL {
  MATCH (u:DivisionUnit)
  WHERE u.code = $regionCode AND u.vintage IN $years
  RETURN collect(u {.vintage, .name, .officialName}) AS regionUnits
}
CALL {
  MATCH (v:DivisionVintage)
  WHERE v.year IN $years
  RETURN collect(v {.*}) AS vintages
}
RETURN towns, regionUnits, vintages
