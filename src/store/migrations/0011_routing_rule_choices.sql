-- Routing rules choose what a responder would otherwise set by hand (issue 16): the incident a rule
-- opens carries its status page, crisis type, severity and playbook; "firing for longer than N
-- minutes" waits on a due time in the database, not in memory; and the alerts of one Alertmanager
-- group page once. Rules stored before keep their JSON: the new action fields are all optional.

-- The playbook the rule chose; null: the one of the incident's crisis type (as before).
ALTER TABLE incidents ADD COLUMN playbook_key text;

-- One pending "firing for N minutes" per alert. fire_count names the firing it waits on: an alert
-- that resolved and fired again since starts over. The timer job claims due rows with
-- FOR UPDATE SKIP LOCKED, so a restart or a second node loses and duplicates nothing.
CREATE TABLE routing_timers (
  alert_id uuid PRIMARY KEY REFERENCES alerts(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  rule_id uuid NOT NULL REFERENCES routing_rules(id) ON DELETE CASCADE,
  fire_count integer NOT NULL,
  firing_since_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL
);
CREATE INDEX routing_timers_due ON routing_timers (due_at);

-- A page opened for a group of alerts (an Alertmanager groupKey, hashed): later alerts of the group
-- join it while it is open instead of paging again, and it resolves when all of them have.
ALTER TABLE oncall_pages ADD COLUMN group_key text;
CREATE INDEX oncall_pages_group ON oncall_pages (org_id, policy_id, group_key)
  WHERE group_key IS NOT NULL AND status <> 'resolved';

-- Every alert of a group page, the first one included (oncall_pages.alert_id stays the first).
CREATE TABLE oncall_page_alerts (
  page_id uuid NOT NULL REFERENCES oncall_pages(id) ON DELETE CASCADE,
  alert_id uuid NOT NULL,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  attached_at timestamptz NOT NULL,
  PRIMARY KEY (page_id, alert_id)
);
CREATE INDEX oncall_page_alerts_alert ON oncall_page_alerts (org_id, alert_id);
