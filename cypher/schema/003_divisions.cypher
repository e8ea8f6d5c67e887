// Official division lists kept as data of their own (npm run divisions): one DivisionUnit per
// vintage and code (codes are reused between years), read by code prefix and by parent.
CREATE CONSTRAINT division_unit_id IF NOT EXISTS FOR (n:DivisionUnit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT division_vintage_id IF NOT EXISTS FOR (n:DivisionVintage) REQUIRE n.id IS UNIQUE;
CREATE INDEX division_unit_code IF NOT EXISTS FOR (n:DivisionUnit) ON (n.code);
CREATE INDEX division_unit_parent IF NOT EXISTS FOR (n:DivisionUnit) ON (n.parentCode);
