-- Portable SQL: runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- A user created without a password is an invitation until they set one through their link (Redash's
-- is_invitation_pending).
ALTER TABLE users ADD COLUMN invitation_pending BOOLEAN DEFAULT FALSE NOT NULL;

-- Emails are kept lower-case (and were always compared without case); an address that only differs in case from
-- another user's stays as it is rather than failing the migration.
UPDATE users SET email = LOWER(email)
WHERE email <> LOWER(email)
  AND NOT EXISTS (SELECT 1 FROM users other WHERE other.id <> users.id AND LOWER(other.email) = LOWER(users.email));
