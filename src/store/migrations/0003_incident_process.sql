-- The crisis process (PRODUCT.md §3): what an organisation configures (settings, its own crisis
-- types, stakeholder groups and who hears of what), and per incident the state of the eight
-- steps: criteria confirmed in triage, the scope checklist, roles and check-ins, the playbook
-- path and ticked tasks, an append-only timeline, and outbox rows for what must be sent.

CREATE TABLE process_settings (
  org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
  triage_window_minutes integer NOT NULL DEFAULT 15 CHECK (triage_window_minutes > 0),
  triage_reminder_minutes integer NOT NULL DEFAULT 10 CHECK (triage_reminder_minutes > 0),
  takeover_minutes integer NOT NULL DEFAULT 10 CHECK (takeover_minutes > 0),
  cadence_reminder_minutes integer NOT NULL DEFAULT 5 CHECK (cadence_reminder_minutes >= 0),
  cadence_escalate_minutes integer NOT NULL DEFAULT 10 CHECK (cadence_escalate_minutes >= 0),
  freeze_min_severity integer NOT NULL DEFAULT 4,
  freeze_include_triage boolean NOT NULL DEFAULT false,
  -- Marketing tools are told here when promotional sends must pause and may resume.
  freeze_webhook_url text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (triage_reminder_minutes < triage_window_minutes)
);

-- An organisation's own crisis types, or its version of a default one (same key overrides).
CREATE TABLE crisis_types (
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  criteria jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, key)
);

-- Who each internal group is, and how to reach it until delivery channels address it directly.
CREATE TABLE stakeholder_groups (
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  emails text[] NOT NULL DEFAULT '{}',
  webhook_url text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, key)
);

-- When an organisation has rules of its own, they replace the defaults as a whole.
CREATE TABLE stakeholder_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  crisis_type text NOT NULL,
  min_severity integer NOT NULL DEFAULT 1,
  groups text[] NOT NULL,
  events text[],
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX stakeholder_rules_org ON stakeholder_rules (org_id, position);

-- One row per incident the process tracks; status, severity and milestones stay on incidents.
CREATE TABLE incident_processes (
  incident_id uuid PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  opened_at timestamptz NOT NULL,
  stood_down_at timestamptz,
  closed_at timestamptz,
  reopen_count integer NOT NULL DEFAULT 0,
  triage_started_at timestamptz NOT NULL,
  triage_decided_at timestamptz,
  triage_reminded_at timestamptz,
  triage_escalated_at timestamptz,
  acknowledged_at timestamptz,
  scope_published_at timestamptz,
  last_public_update_at timestamptz,
  cadence_minutes integer NOT NULL CHECK (cadence_minutes > 0),
  is_cadence_overridden boolean NOT NULL DEFAULT false,
  cadence_reminded_for timestamptz,
  cadence_escalated_for timestamptz,
  channels_used text[] NOT NULL DEFAULT '{}',
  freeze_since timestamptz,
  -- The timer job claims rows whose next_timer_at has passed (FOR UPDATE SKIP LOCKED).
  next_timer_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_processes_timer ON incident_processes (next_timer_at) WHERE next_timer_at IS NOT NULL;
CREATE INDEX incident_processes_freeze ON incident_processes (org_id) WHERE freeze_since IS NOT NULL;

-- Current answers only; every answer, including changed minds, is also on the timeline.
CREATE TABLE incident_criteria (
  incident_id uuid NOT NULL REFERENCES incident_processes(incident_id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  criterion_id text NOT NULL,
  is_met boolean NOT NULL,
  confirmed_at timestamptz NOT NULL,
  confirmed_by text NOT NULL,
  PRIMARY KEY (incident_id, criterion_id)
);

CREATE TABLE incident_checklist_answers (
  incident_id uuid NOT NULL REFERENCES incident_processes(incident_id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  item text NOT NULL CHECK (item IN ('startedAt', 'expectedDuration', 'affected', 'workaround')),
  answer jsonb NOT NULL,
  answered_at timestamptz NOT NULL,
  answered_by text NOT NULL,
  PRIMARY KEY (incident_id, item)
);

CREATE TABLE incident_roles (
  incident_id uuid NOT NULL REFERENCES incident_processes(incident_id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('incident_lead', 'support_on_call_manager', 'business_manager', 'incident_manager', 'communications_lead')),
  primary_id text,
  primary_name text,
  backup_id text,
  backup_name text,
  assigned_at timestamptz NOT NULL,
  PRIMARY KEY (incident_id, role),
  CHECK (primary_id IS NULL OR backup_id IS NULL OR primary_id <> backup_id)
);

CREATE TABLE incident_check_ins (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  incident_id uuid NOT NULL REFERENCES incident_processes(incident_id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  person_id text NOT NULL,
  person_name text NOT NULL,
  role text NOT NULL,
  checked_in_at timestamptz NOT NULL
);
CREATE INDEX incident_check_ins_incident ON incident_check_ins (incident_id, seq);

CREATE TABLE incident_shadows (
  incident_id uuid NOT NULL REFERENCES incident_processes(incident_id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  person_id text NOT NULL,
  person_name text NOT NULL,
  shadowing text,
  joined_at timestamptz NOT NULL,
  PRIMARY KEY (incident_id, person_id)
);

-- The playbook instance: which plan, and the answers that chose the path through it.
CREATE TABLE incident_playbooks (
  incident_id uuid PRIMARY KEY REFERENCES incident_processes(incident_id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  playbook_key text,
  answers jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE incident_playbook_tasks (
  incident_id uuid NOT NULL REFERENCES incident_processes(incident_id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  task_id text NOT NULL,
  done_at timestamptz NOT NULL,
  done_by text NOT NULL,
  PRIMARY KEY (incident_id, task_id)
);

-- "Log all outbound communication so anyone can rebuild the timeline" (the seed): rows are
-- never changed or removed, except when their incident or organisation is deleted.
CREATE TABLE incident_timeline (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  type text NOT NULL,
  at timestamptz NOT NULL,
  actor jsonb NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX incident_timeline_incident ON incident_timeline (incident_id, at, seq);

CREATE FUNCTION incident_timeline_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Cascaded deletes (incident or organisation removed) run inside the foreign key's trigger.
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'incident_timeline is append-only' USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER incident_timeline_append_only BEFORE UPDATE OR DELETE ON incident_timeline
  FOR EACH ROW EXECUTE FUNCTION incident_timeline_append_only();

-- Last known freeze state per organisation, so the webhook fires on edges only.
CREATE TABLE marketing_freezes (
  org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
  is_frozen boolean NOT NULL,
  since timestamptz,
  changed_at timestamptz NOT NULL
);

-- What the process must send (stakeholder notices, reminders, drill messages, freeze webhooks),
-- written in the same transaction as the change; a delivery worker drains it.
CREATE TABLE process_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  incident_id uuid REFERENCES incidents(id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('stakeholder_notification', 'person_notification', 'team_message', 'freeze_webhook')),
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  due_at timestamptz NOT NULL,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX process_outbox_due ON process_outbox (due_at) WHERE status = 'pending';
CREATE INDEX process_outbox_org ON process_outbox (org_id, seq);
