// Indexes behind the coverage rules (DOMAIN.md, Rules): scope by level and status,
// filter organizations by category/status, members by party status, pairings and councils by kind.
CREATE INDEX region_level_status IF NOT EXISTS FOR (n:Region) ON (n.level, n.status);
CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name);
CREATE POINT INDEX region_location IF NOT EXISTS FOR (n:Region) ON (n.location);
CREATE INDEX party_organization_category_status IF NOT EXISTS FOR (n:PartyOrganization) ON (n.category, n.status);
CREATE INDEX party_organization_name IF NOT EXISTS FOR (n:PartyOrganization) ON (n.name);
CREATE INDEX person_party_status IF NOT EXISTS FOR (n:Person) ON (n.partyStatus);
CREATE INDEX pairing_kind_status IF NOT EXISTS FOR (n:Pairing) ON (n.kind, n.status);
CREATE INDEX joint_council_kind IF NOT EXISTS FOR (n:JointCouncil) ON (n.kind);
CREATE INDEX council_meeting_held_on IF NOT EXISTS FOR (n:CouncilMeeting) ON (n.heldOn);
CREATE INDEX two_new_organization_name IF NOT EXISTS FOR (n:TwoNewOrganization) ON (n.name);
CREATE INDEX merge_scenario_status IF NOT EXISTS FOR (n:MergeScenario) ON (n.status);
// Organizational life is read by kind and date (the latest event of each kind up to asOf).
CREATE INDEX org_life_event_kind_held_on IF NOT EXISTS FOR (n:OrgLifeEvent) ON (n.kind, n.heldOn);
// The audit trail is read by time (newest first), by actor and by operation.
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at);
CREATE INDEX audit_entry_actor IF NOT EXISTS FOR (n:AuditEntry) ON (n.actor);
