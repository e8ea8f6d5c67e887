// The benchmark's province, when the dataset holds more than one of its cities (shandong scale).
MATCH (p:Region {level: 'PROVINCE'})<-[:PART_OF]-(c:Region {level: 'CITY'})
WITH p, count(c) AS cities
WHERE cities > 1
RETURN p.code AS code, cities
