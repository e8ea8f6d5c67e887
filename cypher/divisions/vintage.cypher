// A vintage of the official division codes as recorded (null when it is not).
OPTIONAL MATCH (v:DivisionVintage {id: $id})
RETURN v {.*} AS vintage
