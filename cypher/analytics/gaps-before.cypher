// Whether a region holds a kept gap of $kinds at or before $after (a previous page exists).
RETURN EXISTS {
  MATCH (g:AnalyticsGap) WHERE g.path STARTS WITH $prefix AND g.kind IN $kinds AND g.key <= $after
} OR ('COUNCIL_INACTIVE' IN $kinds AND EXISTS {
  MATCH (c:AnalyticsCouncil {gap: true}) WHERE c.key <= $after AND any(p IN c.paths WHERE p STARTS WITH $prefix)
}) AS before
