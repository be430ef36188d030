-- Learning (issue 18, PRODUCT.md §5): after an incident, internal and public postmortems in the
-- seeds' sections, contributing factors as tags (for "by cause" metrics), action items with an
-- owner, a due date and a state, and the process scorecard's reviewer ticks.

-- When a postmortem is owed: N days after the resolution by severity ({"5": 2, "4": 3, …}), and
-- from which severity it is required (below it, one may be skipped with a reason). Null: defaults.
ALTER TABLE process_settings ADD COLUMN postmortem_reminder_days jsonb;
ALTER TABLE process_settings ADD COLUMN postmortem_required_from integer CHECK (postmortem_required_from > 0);

-- One postmortem per incident. `internal` and `public` hold the sections being written (Markdown
-- by section key); `published` is the public version as last published, which is what the status
-- page shows, so later edits stay drafts until published again.
CREATE TABLE postmortems (
  incident_id uuid PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  internal jsonb NOT NULL,
  public jsonb NOT NULL,
  published jsonb,
  first_published_at timestamptz,
  published_at timestamptz,
  published_by text,
  -- Bumped by every edit: an editor who sends the revision they read cannot overwrite a newer one.
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);
CREATE INDEX postmortems_org ON postmortems (org_id, updated_at);

-- Tags, not prose: metrics count incidents by category (and product area) straight from here.
CREATE TABLE contributing_factors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id uuid NOT NULL REFERENCES postmortems(incident_id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  category text NOT NULL CHECK (category IN ('deployment', 'configuration', 'capacity', 'third_party',
    'infrastructure', 'software_defect', 'monitoring_gap', 'process_gap', 'security', 'data', 'external_event',
    'unknown')),
  area text,
  note text,
  position integer NOT NULL
);
CREATE INDEX contributing_factors_by_cause ON contributing_factors (org_id, category, area);
CREATE INDEX contributing_factors_incident ON contributing_factors (incident_id, position);

-- A resolved incident owes a postmortem: when to remind the team if none was started, or why it
-- was skipped. Written by the process when an incident resolves (incidents resolved before this
-- migration get no row, so upgrading sends no reminders for old incidents). The reminder job
-- claims due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE postmortem_followups (
  incident_id uuid PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  remind_at timestamptz,
  reminded_at timestamptz,
  skipped_reason text,
  skipped_by text,
  skipped_at timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE INDEX postmortem_followups_due ON postmortem_followups (remind_at)
  WHERE remind_at IS NOT NULL AND reminded_at IS NULL AND skipped_at IS NULL;

-- The planned improvements, each owned by a member. An open item past its due date is overdue;
-- next_reminder_at is when its owner hears of it next (the reminder job claims it).
CREATE TABLE action_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  title text NOT NULL,
  owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
  owner_name text,
  due_on date,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'cancelled')),
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  closed_at timestamptz,
  reminded_at timestamptz,
  next_reminder_at timestamptz
);
CREATE INDEX action_items_org_state ON action_items (org_id, state, due_on);
CREATE INDEX action_items_incident ON action_items (org_id, incident_id, created_at);
CREATE INDEX action_items_reminder_due ON action_items (next_reminder_at) WHERE next_reminder_at IS NOT NULL;

-- The scorecard is computed from the timeline each time it is read; only a reviewer's verdicts
-- (with why) are stored.
CREATE TABLE scorecard_ticks (
  incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  item_key text NOT NULL,
  status text NOT NULL CHECK (status IN ('met', 'missed', 'not_applicable')),
  note text,
  ticked_by_id text NOT NULL,
  ticked_by_name text NOT NULL,
  ticked_at timestamptz NOT NULL,
  PRIMARY KEY (incident_id, item_key)
);
