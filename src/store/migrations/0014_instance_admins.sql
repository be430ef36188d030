-- One Candor can serve several organisations (a hosting provider, an agency). Who may create,
-- rename and delete them is a person's standing on the instance, not a role in one organisation:
-- the instance admins. On an existing install they are the owners of the first organisation,
-- the one made at first start; later the first owner made at first start is one.
ALTER TABLE users ADD COLUMN is_instance_admin boolean NOT NULL DEFAULT false;

UPDATE users SET is_instance_admin = true
WHERE id IN (
  SELECT m.user_id FROM memberships m
  WHERE m.role = 'owner'
    AND m.org_id = (SELECT id FROM organisations ORDER BY created_at, id LIMIT 1)
);
