-- Alert intake (issue 6): integrations receive alerts from the tools teams already run
-- (Alertmanager, PagerDuty Events v2, a generic webhook, email); alerts are deduplicated per
-- integration and dedup key, every received event keeps its raw payload, and per-organisation
-- routing rules decide whether to ignore, record, page or open an incident in triage.

-- The key appears in URLs, routing_key fields and mail addresses; only its SHA-256 is kept,
-- so a leaked table lets nobody post alerts. `key_hint` (its first characters) helps people tell keys apart.
CREATE TABLE integrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('alertmanager', 'pagerduty', 'webhook', 'email')),
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  key_hint text NOT NULL,
  config jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX integrations_org ON integrations (org_id, created_at);

-- One row per deduplicated alert: events with the same (integration, dedup_key) update it;
-- a resolved alert that fires again is re-opened, so flapping is visible on one row.
CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  integration_id uuid NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
  dedup_key text NOT NULL,
  status text NOT NULL CHECK (status IN ('firing', 'acknowledged', 'resolved')),
  severity text NOT NULL CHECK (severity IN ('info', 'warning', 'error', 'critical')),
  summary text NOT NULL,
  source text NOT NULL DEFAULT '',
  labels jsonb NOT NULL DEFAULT '{}'::jsonb,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  last_payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  event_count integer NOT NULL DEFAULT 1,
  fire_count integer NOT NULL DEFAULT 1,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- Every trigger stamps this; thresholds ("≥ N alerts in M minutes") count alerts by it.
  last_fired_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  state_change_times jsonb NOT NULL DEFAULT '[]'::jsonb,
  is_flapping boolean NOT NULL DEFAULT false,
  disposition text NOT NULL DEFAULT 'record' CHECK (disposition IN ('ignore', 'record', 'act')),
  -- The last routing decision: matched rules, pages asked for and what became of them, threshold counts.
  routing jsonb NOT NULL DEFAULT '{}'::jsonb,
  incident_id uuid REFERENCES incidents(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX alerts_integration_dedup ON alerts (integration_id, dedup_key);
CREATE INDEX alerts_org_seen ON alerts (org_id, last_seen_at DESC);
CREATE INDEX alerts_org_fired ON alerts (org_id, last_fired_at DESC);
CREATE INDEX alerts_incident ON alerts (incident_id) WHERE incident_id IS NOT NULL;

-- Every event as received, dropped ones included (alert_id is then null): the raw payload
-- is the evidence when someone asks later what the monitoring tool actually said.
CREATE TABLE alert_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  integration_id uuid NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
  alert_id uuid REFERENCES alerts(id) ON DELETE CASCADE,
  dedup_key text NOT NULL,
  action text NOT NULL CHECK (action IN ('trigger', 'acknowledge', 'resolve')),
  change text NOT NULL CHECK (change IN ('opened', 'reopened', 'updated', 'acknowledged', 'resolved', 'dropped')),
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  payload jsonb NOT NULL
);
CREATE INDEX alert_events_alert ON alert_events (alert_id, received_at DESC);
CREATE INDEX alert_events_org_received ON alert_events (org_id, received_at DESC);

CREATE TABLE routing_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  is_enabled boolean NOT NULL DEFAULT true,
  conditions jsonb NOT NULL DEFAULT '[]'::jsonb,
  actions jsonb NOT NULL,
  continue_matching boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX routing_rules_org ON routing_rules (org_id, position);

-- The incident a rule opened for a group of alerts: later alerts of the same rule and group
-- join it while it is open instead of opening another.
CREATE TABLE routing_incidents (
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  rule_id uuid NOT NULL REFERENCES routing_rules(id) ON DELETE CASCADE,
  group_key text NOT NULL,
  incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  opened_at timestamptz NOT NULL,
  PRIMARY KEY (rule_id, group_key, incident_id)
);
CREATE INDEX routing_incidents_lookup ON routing_incidents (org_id, rule_id, group_key, opened_at DESC);

-- A replayed request (same Idempotency-Key for the same integration) is refused, not applied twice.
CREATE TABLE intake_requests (
  integration_id uuid NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
  idempotency_key text NOT NULL,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (integration_id, idempotency_key)
);
