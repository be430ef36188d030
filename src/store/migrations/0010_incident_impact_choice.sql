-- The impact customers see follows the incident's components unless a communicator chose one
-- (Statuspage's impact_override). Until now severity silently filled `impact`, so a "severe"
-- incident showed "Major system outage" over one partly-out component. `impact` stays, for the
-- console and webhooks; this flag says whether customers see it.
ALTER TABLE incidents ADD COLUMN impact_chosen boolean NOT NULL DEFAULT false;

-- An impact other than the default scale's for its severity can only have been chosen by hand.
-- One that matches it is taken as derived (an explicit choice that happened to agree is lost).
UPDATE incidents SET impact_chosen = true
WHERE impact <> CASE severity
  WHEN 1 THEN 'none' WHEN 2 THEN 'minor' WHEN 3 THEN 'major' WHEN 4 THEN 'major' WHEN 5 THEN 'critical'
  ELSE impact END;
