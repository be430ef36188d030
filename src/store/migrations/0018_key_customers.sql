-- Key customers (issue 17 part 5, PRODUCT.md §4: "direct contact of key customers (tasks and
-- linked customer tickets, with their SLA terms)"). The seeds ask support to reach the customers
-- who matter most personally, within a promised time; a task per customer and incident makes
-- that promise visible, and an overdue one alerts the support on-call manager.

CREATE TABLE key_customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name text NOT NULL,
  notify_within_minutes integer NOT NULL CHECK (notify_within_minutes > 0),
  channel text NOT NULL CHECK (channel IN ('email', 'phone', 'slack', 'teams', 'video_call', 'other')),
  -- [{name, email, phone}]: read and written whole with the customer.
  contacts jsonb NOT NULL DEFAULT '[]',
  -- Monthly revenue in the organisation's currency, to weigh impact (PRODUCT.md §5); optional.
  mrr numeric(14, 2) CHECK (mrr >= 0),
  is_affected_by_every_incident boolean NOT NULL DEFAULT false,
  notes text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- One list per organisation: a name is the customer, whatever its case (CSV imports match on it).
CREATE UNIQUE INDEX key_customers_name ON key_customers (org_id, lower(name));

-- What each customer depends on; a deleted component simply stops affecting them.
CREATE TABLE key_customer_components (
  key_customer_id uuid NOT NULL REFERENCES key_customers(id) ON DELETE CASCADE,
  component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  PRIMARY KEY (key_customer_id, component_id)
);
CREATE INDEX key_customer_components_component ON key_customer_components (org_id, component_id);

-- One contact task per affected customer and incident. The customer's name and terms are copied:
-- the record of who was owed a call survives a later edit or deletion of the customer.
-- `alert_due_at` is the overdue timer (the deadline of an open task not yet alerted), claimed by
-- the process timers with FOR UPDATE SKIP LOCKED, so the alert goes once on any number of nodes.
CREATE TABLE contact_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  key_customer_id uuid REFERENCES key_customers(id) ON DELETE SET NULL,
  customer_name text NOT NULL,
  channel text NOT NULL,
  notify_within_minutes integer NOT NULL,
  holder_id text,
  holder_name text,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done')),
  ticket_id text,
  deadline_at timestamptz NOT NULL,
  done_at timestamptz,
  done_by text,
  overdue_alerted_at timestamptz,
  alert_due_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (incident_id, key_customer_id)
);
CREATE INDEX contact_tasks_incident ON contact_tasks (org_id, incident_id, deadline_at);
CREATE INDEX contact_tasks_alert_due ON contact_tasks (alert_due_at) WHERE alert_due_at IS NOT NULL;
