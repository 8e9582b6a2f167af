-- The park always keeps an enabled admin, whoever or whatever changes the accounts. The admin
-- routes refuse an admin's demoting or disabling themselves; this holds on every other path too:
-- two admins demoting each other at once, a held request acting after its author lost the role,
-- a hand-written UPDATE.

CREATE FUNCTION keep_an_enabled_admin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One check at a time: two transactions demoting the last two admins would each still see the
  -- other's admin. After the lock, this statement's snapshot includes what the other committed.
  PERFORM pg_advisory_xact_lock(hashtext('users: keep an enabled admin'));
  IF NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND disabled_at IS NULL) THEN
    RAISE EXCEPTION 'the park must keep at least one enabled admin'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'keep_an_enabled_admin';
  END IF;
  RETURN NULL;
END
$$;

-- Checked at commit, so one transaction may hand the role over in either order.
CREATE CONSTRAINT TRIGGER keep_an_enabled_admin
  AFTER UPDATE OF role, disabled_at OR DELETE ON users
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.role = 'admin' AND OLD.disabled_at IS NULL)
  EXECUTE FUNCTION keep_an_enabled_admin();
