MATCH (c:JointCouncil {id: $councilId})
CREATE (m:CouncilMeeting {id: randomUUID(), heldOn: $heldOn, topics: $topics, resolutions: $resolutions})-[:OF]->(c)
RETURN m {.id, .heldOn, .topics, .resolutions} AS meeting
