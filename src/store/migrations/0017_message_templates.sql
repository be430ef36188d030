-- Templates are the organisation's own (issue 17, PRODUCT.md §4): a communicator rewrites any
-- stage's message per channel, audience and locale, and resets it to ours by deleting the row.
-- Only the changed fields are stored (null: the built-in one), so our later fixes to the
-- defaults still reach every field an organisation left alone.
CREATE TABLE message_templates (
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  stage text NOT NULL,
  channel text NOT NULL,
  audience text NOT NULL,
  locale text NOT NULL,
  subject text,
  body text,
  short text,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  PRIMARY KEY (org_id, stage, channel, audience, locale),
  CHECK (subject IS NOT NULL OR body IS NOT NULL OR short IS NOT NULL)
);

-- How the organisation speaks: one row at most. `lint_rules` null means our defaults (the seeds'
-- never-blame and no-speculation rules); a list replaces them.
CREATE TABLE brand_voices (
  org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
  sign_off text NOT NULL DEFAULT '',
  words_to_avoid jsonb NOT NULL DEFAULT '[]',
  lint_rules jsonb,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);
