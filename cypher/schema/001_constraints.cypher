// Uniqueness: every node's key. Applied at every start; IF NOT EXISTS makes it idempotent.
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT party_organization_id IF NOT EXISTS FOR (n:PartyOrganization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT two_new_organization_id IF NOT EXISTS FOR (n:TwoNewOrganization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT cooperative_id IF NOT EXISTS FOR (n:Cooperative) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT institution_id IF NOT EXISTS FOR (n:Institution) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT village_committee_id IF NOT EXISTS FOR (n:VillageCommittee) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mass_organization_id IF NOT EXISTS FOR (n:MassOrganization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT pairing_id IF NOT EXISTS FOR (n:Pairing) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT pairing_activity_id IF NOT EXISTS FOR (n:PairingActivity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT joint_council_id IF NOT EXISTS FOR (n:JointCouncil) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT council_meeting_id IF NOT EXISTS FOR (n:CouncilMeeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT service_center_id IF NOT EXISTS FOR (n:ServiceCenter) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT service_item_id IF NOT EXISTS FOR (n:ServiceItem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT merge_scenario_id IF NOT EXISTS FOR (n:MergeScenario) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT proposed_village_id IF NOT EXISTS FOR (n:ProposedVillage) REQUIRE n.id IS UNIQUE;
// 统一社会信用代码 identifies an organization nationally.
CREATE CONSTRAINT two_new_organization_credit_code IF NOT EXISTS FOR (n:TwoNewOrganization) REQUIRE n.creditCode IS UNIQUE;
CREATE CONSTRAINT cooperative_credit_code IF NOT EXISTS FOR (n:Cooperative) REQUIRE n.creditCode IS UNIQUE;
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT org_life_event_id IF NOT EXISTS FOR (n:OrgLifeEvent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT work_team_id IF NOT EXISTS FOR (n:WorkTeam) REQUIRE n.id IS UNIQUE;
