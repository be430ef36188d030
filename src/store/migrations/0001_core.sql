-- The core model every feature hangs off: tenants, people, status pages and what they show.
-- Every tenant-owned row carries org_id so the store can scope each query by organisation.

-- Instance-wide values every app node must share, such as the key that signs links and cookies.
CREATE TABLE instance_settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Emails compare case-insensitively; a functional index avoids the citext extension PGlite lacks.
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));

CREATE TABLE memberships (
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'responder', 'communicator', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id)
);

-- Only a SHA-256 of the token is kept: a leaked table grants nothing.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'responder', 'communicator', 'viewer')),
  scopes text[],
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE status_pages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  locale text NOT NULL DEFAULT 'en',
  time_zone text NOT NULL DEFAULT 'Etc/UTC',
  branding jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX status_pages_org ON status_pages (org_id);

-- A hostname routes to exactly one page across all tenants, so it is its own key.
CREATE TABLE status_page_hostnames (
  hostname text PRIMARY KEY,
  page_id uuid NOT NULL REFERENCES status_pages(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE
);
CREATE INDEX status_page_hostnames_page ON status_page_hostnames (page_id);

CREATE TABLE component_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  page_id uuid NOT NULL REFERENCES status_pages(id) ON DELETE CASCADE,
  name text NOT NULL,
  description text,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX component_groups_page ON component_groups (org_id, page_id);

CREATE TABLE components (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  page_id uuid NOT NULL REFERENCES status_pages(id) ON DELETE CASCADE,
  group_id uuid REFERENCES component_groups(id) ON DELETE SET NULL,
  name text NOT NULL,
  description text,
  status text NOT NULL DEFAULT 'operational'
    CHECK (status IN ('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance')),
  position integer NOT NULL DEFAULT 0,
  showcase boolean NOT NULL DEFAULT true,
  only_show_if_degraded boolean NOT NULL DEFAULT false,
  start_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX components_page ON components (org_id, page_id);

-- Uptime bars are computed from this history, so every status change is kept.
CREATE TABLE component_status_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
  old_status text,
  new_status text NOT NULL,
  incident_id uuid,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX component_status_changes_component ON component_status_changes (component_id, changed_at);

CREATE TABLE incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  page_id uuid REFERENCES status_pages(id) ON DELETE SET NULL,
  title text NOT NULL,
  type text NOT NULL DEFAULT 'service_outage',
  severity integer NOT NULL DEFAULT 3,
  status text NOT NULL CHECK (status IN ('triage', 'declared', 'stood_down', 'investigating', 'identified',
    'monitoring', 'resolved', 'postmortem_published', 'closed')),
  impact text NOT NULL DEFAULT 'none' CHECK (impact IN ('none', 'minor', 'major', 'critical')),
  is_drill boolean NOT NULL DEFAULT false,
  started_at timestamptz NOT NULL DEFAULT now(),
  declared_at timestamptz,
  identified_at timestamptz,
  monitoring_at timestamptz,
  resolved_at timestamptz,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incidents_org_status ON incidents (org_id, status);
CREATE INDEX incidents_page_started ON incidents (page_id, started_at DESC);

CREATE TABLE incident_updates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  status text NOT NULL,
  -- Two audiences (the seed): a plain text for everyone, an optional technical detail for IT teams.
  body text NOT NULL,
  body_technical text,
  affected_components jsonb NOT NULL DEFAULT '[]'::jsonb,
  deliver_notifications boolean NOT NULL DEFAULT true,
  created_by text,
  display_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_updates_incident ON incident_updates (incident_id, display_at DESC);

CREATE TABLE incident_components (
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
  PRIMARY KEY (incident_id, component_id)
);

CREATE TABLE scheduled_maintenances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  page_id uuid NOT NULL REFERENCES status_pages(id) ON DELETE CASCADE,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'in_progress', 'verifying', 'completed')),
  scheduled_for timestamptz NOT NULL,
  scheduled_until timestamptz NOT NULL,
  recurrence text,
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (scheduled_until > scheduled_for)
);
CREATE INDEX scheduled_maintenances_page ON scheduled_maintenances (org_id, page_id, scheduled_for);

CREATE TABLE maintenance_updates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  maintenance_id uuid NOT NULL REFERENCES scheduled_maintenances(id) ON DELETE CASCADE,
  status text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE maintenance_components (
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  maintenance_id uuid NOT NULL REFERENCES scheduled_maintenances(id) ON DELETE CASCADE,
  component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
  PRIMARY KEY (maintenance_id, component_id)
);
