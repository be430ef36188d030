-- Moving in (issue 20): imports from Statuspage, PagerDuty, Opsgenie, Uptime Kuma and Cachet
-- remember which Candor row each source object became, keyed `source:kind:id`, so a second run
-- updates those rows instead of adding them again. No foreign key: one table serves every kind;
-- a ref whose row was deleted in Candor is simply recreated by the next run.
CREATE TABLE external_refs (
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  external_key text NOT NULL,
  -- The Candor table the row lives in: status_pages, components, incidents, …
  kind text NOT NULL,
  local_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, external_key)
);
CREATE INDEX external_refs_local ON external_refs (org_id, local_id);

-- One import per organisation and source at a time: two admins starting the same import would
-- both read the refs before either wrote them, and duplicate everything. A run that died is
-- taken over after an hour.
CREATE TABLE import_runs (
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  source text NOT NULL,
  started_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, source)
);
