// How many village-level units ($levels: 村委会 and 居委会, any status) lie at or below region R:
// a report or gap list computed from scratch holds every subject of R in the API's memory, and
// that grows with them (CoverageService.scratchFacts).
MATCH (:Region {code: $regionCode})<-[:PART_OF*0..]-(unit:Region)
WHERE unit.level IN $levels
RETURN count(unit) AS units
