-- Subscribers and the delivery outbox (issue 8). A delivery row ("update U goes to
-- subscriber S on channel C") is written in the transaction that publishes the update, so
-- nothing is queued for an update that was rolled back and nothing published goes unqueued.
-- Workers lease rows with FOR UPDATE SKIP LOCKED; a lease that runs out (the worker died)
-- makes the row claimable again, so a crash loses nothing.

CREATE TABLE subscribers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  page_id uuid NOT NULL REFERENCES status_pages(id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('email', 'webhook', 'slack')),
  address text NOT NULL,
  -- The address as compared: email with a lower-case domain and case-folded, URLs as given.
  address_key text NOT NULL,
  locale text,
  audience text NOT NULL DEFAULT 'customer' CHECK (audience IN ('customer', 'technical')),
  -- Empty means the whole page.
  component_ids uuid[] NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'active', 'unsubscribed', 'disabled')),
  -- Webhook signing secret (shown once to whoever created the subscription).
  secret text,
  source text NOT NULL DEFAULT 'api' CHECK (source IN ('form', 'api', 'import')),
  confirmation_expires_at timestamptz,
  confirmation_sent_at timestamptz,
  confirmed_at timestamptz,
  unsubscribed_at timestamptz,
  disabled_at timestamptz,
  disabled_reason text,
  -- The persistent-failure rule's memory (domain/delivery/persistent-failure.ts).
  consecutive_failures integer NOT NULL DEFAULT 0,
  failing_since timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX subscribers_page_address ON subscribers (page_id, channel, address_key);
CREATE INDEX subscribers_fanout ON subscribers (page_id, state);
CREATE INDEX subscribers_org ON subscribers (org_id, created_at);
-- Prefix search on the address (LIKE 'ali%') without a trigram extension PGlite lacks.
CREATE INDEX subscribers_address_prefix ON subscribers (page_id, address_key text_pattern_ops);

-- A fan-out is cut into batches of consecutive deliveries. A worker leases a whole batch
-- and records progress as a watermark (every delivery up to acked_upto is done), so sending
-- 100,000 messages writes a few hundred batch rows instead of updating 100,000 deliveries;
-- only exceptions (a retry, a failure, a skip) are written to the delivery itself.
CREATE TABLE delivery_batches (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  page_id uuid NOT NULL,
  update_id uuid NOT NULL,
  channel text NOT NULL,
  batch_no bigint NOT NULL,
  acked_upto bigint NOT NULL DEFAULT 0,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'done')),
  claims integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (update_id, channel, batch_no)
);
CREATE INDEX delivery_batches_due ON delivery_batches (channel, next_attempt_at) WHERE state <> 'done';

-- Sequential ids: cheap to index, and they cut fan-outs into batches (batch_no = id / 500).
CREATE SEQUENCE deliveries_id_seq;
CREATE TABLE deliveries (
  id bigint PRIMARY KEY DEFAULT nextval('deliveries_id_seq'),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  page_id uuid NOT NULL,
  -- No foreign key: checking 100,000 of them costs seconds per fan-out on PGlite; the
  -- subscriber store deletes a subscriber's deliveries with the subscriber.
  subscriber_id uuid NOT NULL,
  channel text NOT NULL,
  -- 'update': an incident update; 'confirmation': the double opt-in mail.
  kind text NOT NULL DEFAULT 'update' CHECK (kind IN ('update', 'confirmation')),
  update_id uuid,
  incident_id uuid,
  stage text,
  -- Set for deliveries of a fan-out; null for single messages (confirmations).
  batch_no bigint,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'retrying', 'failed', 'skipped')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  locked_until timestamptz,
  last_error text,
  sent_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deliveries_batch ON deliveries (batch_no, id);
CREATE INDEX deliveries_subscriber ON deliveries (subscriber_id);
-- Single messages and retries, claimed one by one; a batch's untouched rows never enter it.
CREATE INDEX deliveries_due ON deliveries (channel, next_attempt_at) WHERE status = 'retrying' OR (status = 'pending' AND batch_no IS NULL);
CREATE INDEX deliveries_leased ON deliveries (locked_until) WHERE status = 'sending';
