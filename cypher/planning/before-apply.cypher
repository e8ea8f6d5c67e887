// What an apply will change on the absorbed villages and their organizations, so a revert can
// put it back exactly.
UNWIND $codes AS code
MATCH (v:Region {code: code})
RETURN {code: v.code, level: v.level, formerLevel: v.formerLevel,
        partOf: [(v)-[:PART_OF]->(p:Region) | p.code]} AS region,
  [(o:PartyOrganization {category: 'VILLAGE', status: 'ACTIVE'})-[:BASED_IN]->(v) |
    {id: o.id, category: o.category, kind: o.kind, subordinateTo: [(o)-[:SUBORDINATE_TO]->(s:PartyOrganization) | s.id]}] AS orgs
