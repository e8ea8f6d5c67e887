// What the kept analytics (src/analytics) look up: the one state node, regions by code, cell and
// the day their answer may change, gaps by cell, by key (page order), by path (region prefix) and by
// the village and town they are placed in (lists filtered by villageCode or townCode), and catch-up
// steps by stamp and number (remembered networks refreshed from what the steps touched).
CREATE CONSTRAINT analytics_state_id IF NOT EXISTS FOR (n:AnalyticsState) REQUIRE n.id IS UNIQUE;
CREATE INDEX analytics_region_code IF NOT EXISTS FOR (n:AnalyticsRegion) ON (n.code);
CREATE INDEX analytics_region_cell IF NOT EXISTS FOR (n:AnalyticsRegion) ON (n.cell);
CREATE INDEX analytics_region_changes_on IF NOT EXISTS FOR (n:AnalyticsRegion) ON (n.changesOn);
CREATE INDEX analytics_gap_cell IF NOT EXISTS FOR (n:AnalyticsGap) ON (n.cell);
CREATE INDEX analytics_gap_key IF NOT EXISTS FOR (n:AnalyticsGap) ON (n.key);
CREATE INDEX analytics_gap_path IF NOT EXISTS FOR (n:AnalyticsGap) ON (n.path);
CREATE INDEX analytics_gap_village_code IF NOT EXISTS FOR (n:AnalyticsGap) ON (n.villageCode);
CREATE INDEX analytics_gap_town_code IF NOT EXISTS FOR (n:AnalyticsGap) ON (n.townCode);
CREATE INDEX analytics_council_id IF NOT EXISTS FOR (n:AnalyticsCouncil) ON (n.id);
CREATE INDEX analytics_council_changes_on IF NOT EXISTS FOR (n:AnalyticsCouncil) ON (n.changesOn);
CREATE INDEX analytics_change_at IF NOT EXISTS FOR (n:AnalyticsChange) ON (n.at);
CREATE INDEX analytics_step_stamp IF NOT EXISTS FOR (n:AnalyticsStep) ON (n.stamp);
CREATE INDEX analytics_step_step IF NOT EXISTS FOR (n:AnalyticsStep) ON (n.step);
