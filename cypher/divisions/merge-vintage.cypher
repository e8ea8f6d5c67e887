// Records a vintage of the official division codes and the regions imported from it.
MERGE (v:DivisionVintage {id: $vintage.id})
SET v += $vintage
RETURN v.id AS id
