// Import (src/exchange): who already holds the file's credit codes (unique per label across
// the whole graph), so a clash is reported on its row instead of failing the write.
UNWIND $twoNew AS code
MATCH (n:TwoNewOrganization {creditCode: code})
RETURN 'TwoNewOrganization' AS sheet, code AS creditCode, n.id AS id
UNION ALL
UNWIND $cooperatives AS code
MATCH (n:Cooperative {creditCode: code})
RETURN 'Cooperative' AS sheet, code AS creditCode, n.id AS id
