-- One outbound pipeline (issue 15). Messages used to leave through four senders, each with its
-- own queue table, retry rule and idempotency key: subscriber deliveries, on-call page
-- notifications, process notices (process_outbox) and account mail (account_emails). From now on
-- every message that leaves Candor is a row of `deliveries`, written in the transaction of the
-- change that caused it and sent by one worker outside any transaction.
--
-- A row addresses either a subscriber (subscriber_id: address, locale and secret come from the
-- subscription) or a recipient of its own (address). `content` holds what a message says when
-- it is not rendered from an incident update: a notice's text, an account mail, a page's facts.

ALTER TABLE deliveries ALTER COLUMN subscriber_id DROP NOT NULL;
ALTER TABLE deliveries ALTER COLUMN page_id DROP NOT NULL;
-- Sign-in links are mailed to a person before any organisation is chosen.
ALTER TABLE deliveries ALTER COLUMN org_id DROP NOT NULL;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_kind_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_kind_check CHECK (kind IN (
  'update', 'confirmation', 'page', 'stakeholder_notice', 'team_notice', 'role_notice', 'freeze_webhook', 'account_mail'
));
ALTER TABLE deliveries ADD COLUMN address text;
ALTER TABLE deliveries ADD COLUMN content jsonb;
-- The record a message belongs to beyond the update: the on-call notification a page message carries.
ALTER TABLE deliveries ADD COLUMN source_id uuid;
-- 'relay' when the mail relay itself could not be reached: such retries are due again as soon as it answers.
ALTER TABLE deliveries ADD COLUMN error_class text;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_recipient CHECK (subscriber_id IS NOT NULL OR address IS NOT NULL);

CREATE INDEX deliveries_incident ON deliveries (org_id, incident_id, id) WHERE incident_id IS NOT NULL;
CREATE INDEX deliveries_org_kind ON deliveries (org_id, kind, id);
CREATE INDEX deliveries_source ON deliveries (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX deliveries_relay_held ON deliveries (channel) WHERE error_class = 'relay' AND status = 'retrying';

-- Process notices already queued or sent move over, one row per recipient as the old sender
-- resolved them at send time; their history stays readable.
INSERT INTO deliveries (org_id, incident_id, kind, channel, address, content, status, attempts, next_attempt_at, last_error,
  sent_at, failed_at, created_at, updated_at)
SELECT o.org_id, o.incident_id, r.kind, r.channel, r.address, o.payload,
  CASE o.status WHEN 'pending' THEN 'pending' WHEN 'sent' THEN 'sent' ELSE 'failed' END,
  o.attempts, o.due_at, o.last_error, o.sent_at, CASE WHEN o.status = 'failed' THEN o.created_at END, o.created_at,
  o.created_at
FROM process_outbox o
CROSS JOIN LATERAL (
  SELECT 'stakeholder_notice' AS kind, 'email' AS channel, e.value #>> '{}' AS address
  FROM jsonb_array_elements(CASE WHEN o.kind = 'stakeholder_notification' THEN o.payload -> 'recipients' ELSE '[]' END) g,
    jsonb_array_elements(coalesce(g.value -> 'emails', '[]')) e
  UNION ALL
  SELECT 'stakeholder_notice', 'webhook', g.value ->> 'webhookUrl'
  FROM jsonb_array_elements(CASE WHEN o.kind = 'stakeholder_notification' THEN o.payload -> 'recipients' ELSE '[]' END) g
  WHERE coalesce(g.value ->> 'webhookUrl', '') <> ''
  UNION ALL
  SELECT 'team_notice', 'email', u.email
  FROM jsonb_array_elements(CASE WHEN o.kind = 'team_message' THEN o.payload -> 'recipients' ELSE '[]' END) p
  JOIN users u ON u.id::text = p.value ->> 'id'
  UNION ALL
  SELECT 'role_notice', 'email', u.email
  FROM users u
  WHERE o.kind = 'person_notification' AND u.id::text = o.payload -> 'person' ->> 'id'
  UNION ALL
  SELECT 'freeze_webhook', 'webhook', o.payload ->> 'url'
  WHERE o.kind = 'freeze_webhook' AND coalesce(o.payload ->> 'url', '') <> ''
) r;

INSERT INTO deliveries (org_id, kind, channel, address, content, status, attempts, next_attempt_at, last_error, sent_at,
  failed_at, created_at, updated_at)
SELECT a.org_id, 'account_mail', 'email', a.to_address,
  jsonb_build_object('purpose', a.purpose, 'subject', a.subject, 'text', a.text_body, 'html', a.html_body),
  CASE WHEN a.sent_at IS NOT NULL THEN 'sent' WHEN a.failed_at IS NOT NULL THEN 'failed' ELSE 'pending' END,
  a.attempts, a.next_attempt_at, a.last_error, a.sent_at, a.failed_at, a.created_at, a.created_at
FROM account_emails a;

-- Page notifications keep their row in oncall_notifications (who was notified, at which level);
-- how sending them goes is the outbox row's.
INSERT INTO deliveries (org_id, incident_id, kind, channel, address, source_id, content, status, attempts,
  next_attempt_at, last_error, sent_at, created_at, updated_at)
SELECT n.org_id, p.incident_id, 'page', n.kind, n.address, n.id,
  jsonb_build_object('userId', n.user_id, 'contactMethodId', n.contact_method_id, 'pageId', n.page_id),
  CASE n.status WHEN 'sent' THEN 'sent' WHEN 'failed' THEN 'failed' WHEN 'cancelled' THEN 'skipped' ELSE 'pending' END,
  n.attempts, n.due_at, n.last_error, n.sent_at, n.created_at, n.created_at
FROM oncall_notifications n
JOIN oncall_pages p ON p.id = n.page_id
WHERE n.kind <> 'in_app' AND n.address <> '';

DROP TABLE process_outbox;
DROP TABLE account_emails;
DROP INDEX oncall_notifications_due;
