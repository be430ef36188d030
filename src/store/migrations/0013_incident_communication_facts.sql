-- What customers are told beyond the update text, kept on the incident so every channel and every
-- later update says the same: who is affected, how long it may take, a workaround, where to get
-- help and how soon an answer comes, and the failing third-party provider (named on the status
-- page only if the communicator chooses; every other channel says "one of our providers").
ALTER TABLE incidents ADD COLUMN who_is_affected text;
ALTER TABLE incidents ADD COLUMN expected_duration text;
ALTER TABLE incidents ADD COLUMN workaround text;
ALTER TABLE incidents ADD COLUMN contact text;
ALTER TABLE incidents ADD COLUMN response_time_minutes integer
  CHECK (response_time_minutes IS NULL OR response_time_minutes BETWEEN 1 AND 44640);
ALTER TABLE incidents ADD COLUMN third_party_provider text;
ALTER TABLE incidents ADD COLUMN show_provider_on_page boolean NOT NULL DEFAULT false;
