-- On-call (PRODUCT.md §2): who is on call (schedules of layered rotations with overrides),
-- whom to page in which order (escalation policies), and pages walking those policies.
-- Escalation timers and delayed notifications are rows with a due_at, claimed with
-- FOR UPDATE SKIP LOCKED, so a restart or a second node continues where it was.

CREATE TABLE oncall_schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  time_zone text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oncall_schedules_org ON oncall_schedules (org_id, name);

-- Later positions take precedence (as in PagerDuty, so imported schedules keep their meaning).
CREATE TABLE oncall_layers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  schedule_id uuid NOT NULL REFERENCES oncall_schedules(id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL DEFAULT '',
  shift_unit text NOT NULL CHECK (shift_unit IN ('hours', 'days', 'weeks')),
  shift_length integer NOT NULL CHECK (shift_length > 0),
  start_at timestamptz NOT NULL,
  end_at timestamptz,
  time_zone text NOT NULL,
  restrictions jsonb NOT NULL DEFAULT '[]'::jsonb,
  UNIQUE (schedule_id, position)
);

-- The order of participants is the rotation order; one person may appear more than once.
CREATE TABLE oncall_layer_participants (
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  layer_id uuid NOT NULL REFERENCES oncall_layers(id) ON DELETE CASCADE,
  position integer NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (layer_id, position)
);
CREATE INDEX oncall_layer_participants_user ON oncall_layer_participants (org_id, user_id);

CREATE TABLE oncall_overrides (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  schedule_id uuid NOT NULL REFERENCES oncall_schedules(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- Set when someone covers for a named person: it applies only while that person is on call.
  replaces_user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_at > start_at)
);
CREATE INDEX oncall_overrides_schedule ON oncall_overrides (schedule_id, start_at);

CREATE TABLE escalation_policies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  repeat_count integer NOT NULL DEFAULT 0 CHECK (repeat_count BETWEEN 0 AND 20),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX escalation_policies_org ON escalation_policies (org_id, name);

CREATE TABLE escalation_levels (
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  policy_id uuid NOT NULL REFERENCES escalation_policies(id) ON DELETE CASCADE,
  position integer NOT NULL,
  ack_timeout_minutes integer NOT NULL CHECK (ack_timeout_minutes BETWEEN 1 AND 10080),
  PRIMARY KEY (policy_id, position)
);

-- A target is a schedule or a person; level_position NULL is the final fallback. A schedule
-- still named by a policy cannot be deleted (RESTRICT), so no policy pages into nothing.
CREATE TABLE escalation_targets (
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  policy_id uuid NOT NULL REFERENCES escalation_policies(id) ON DELETE CASCADE,
  level_position integer,
  position integer NOT NULL,
  schedule_id uuid REFERENCES oncall_schedules(id) ON DELETE RESTRICT,
  user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  CHECK ((schedule_id IS NULL) <> (user_id IS NULL))
);
CREATE INDEX escalation_targets_policy ON escalation_targets (policy_id, level_position, position);
CREATE INDEX escalation_targets_schedule ON escalation_targets (schedule_id);

-- How each person is reached, each way after its own delay ("email at once, webhook after 2 min").
CREATE TABLE oncall_contact_methods (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('email', 'webhook', 'slack', 'in_app')),
  address text NOT NULL DEFAULT '',
  delay_minutes integer NOT NULL DEFAULT 0 CHECK (delay_minutes BETWEEN 0 AND 1440),
  -- Webhooks are signed with their own secret, shown once when the method is added.
  secret text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oncall_contact_methods_user ON oncall_contact_methods (org_id, user_id);

-- A page walking a policy. The policy is copied into policy_snapshot when the page opens, so
-- editing a policy never reshuffles a page in flight; due_at is the escalation timer.
CREATE TABLE oncall_pages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  policy_id uuid REFERENCES escalation_policies(id) ON DELETE SET NULL,
  summary text NOT NULL,
  details text NOT NULL DEFAULT '',
  alert_id uuid,
  incident_id uuid REFERENCES incidents(id) ON DELETE SET NULL,
  status text NOT NULL CHECK (status IN ('triggered', 'acknowledged', 'resolved')),
  level_index integer NOT NULL DEFAULT 0,
  round integer NOT NULL DEFAULT 0,
  is_exhausted boolean NOT NULL DEFAULT false,
  due_at timestamptz,
  policy_snapshot jsonb NOT NULL,
  acknowledged_by uuid REFERENCES users(id) ON DELETE SET NULL,
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oncall_pages_org_status ON oncall_pages (org_id, status, created_at DESC);
CREATE INDEX oncall_pages_due ON oncall_pages (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX oncall_pages_alert ON oncall_pages (org_id, alert_id) WHERE alert_id IS NOT NULL;

-- Everything that happened to a page, for its timeline and the time-to-acknowledge metric.
CREATE TABLE oncall_page_events (
  -- An identity, not a uuid: events written in one transaction share their time, and keep their order.
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  page_id uuid NOT NULL REFERENCES oncall_pages(id) ON DELETE CASCADE,
  type text NOT NULL,
  actor text NOT NULL DEFAULT 'system',
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL
);
CREATE INDEX oncall_page_events_page ON oncall_page_events (page_id, at);

-- One row per (page, level pass, person, contact method). A claimed row carries a lease
-- (claimed_until): a sender that died leaves it claimable again, at least once.
CREATE TABLE oncall_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  page_id uuid NOT NULL REFERENCES oncall_pages(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  contact_method_id uuid REFERENCES oncall_contact_methods(id) ON DELETE SET NULL,
  kind text NOT NULL,
  address text NOT NULL DEFAULT '',
  level_index integer NOT NULL,
  round integer NOT NULL,
  is_fallback boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  due_at timestamptz NOT NULL,
  claimed_until timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oncall_notifications_due ON oncall_notifications (due_at) WHERE status IN ('pending', 'sending');
CREATE INDEX oncall_notifications_page ON oncall_notifications (page_id);
CREATE INDEX oncall_notifications_user ON oncall_notifications (org_id, user_id, created_at DESC);

-- Spent nonces of signed acknowledge/escalate links: each link works once.
CREATE TABLE oncall_link_nonces (
  nonce text PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  page_id uuid NOT NULL REFERENCES oncall_pages(id) ON DELETE CASCADE,
  used_at timestamptz NOT NULL
);
