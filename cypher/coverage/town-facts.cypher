// Facts behind the town rule, for every ACTIVE town in R.
MATCH (root:Region {code: $regionCode})
MATCH p = (t:Region {level: 'TOWN'})-[:PART_OF*0..]->(root)
WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE') AND (NOT $exact OR t = root)
RETURN t.code AS code, t.name AS name, [n IN nodes(p) | n.code] AS scope,
  EXISTS { (t)<-[:SERVES]-(:JointCouncil {kind: 'REGIONAL_JOINT_MEETING'}) } AS hasJointMeeting,
  // Additions (December 2026): a town is its own town and in no village.
  null AS villageCode, t.code AS townCode
