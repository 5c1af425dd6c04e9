-- Row-level security, the application role and the append-only audit trail.
-- Requests and jobs run as tenantry_app (SET LOCAL ROLE) with app.org_id set for the transaction;
-- the connecting role owns the tables and is used only for migrations and a few system tasks.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tenantry_app') THEN
    CREATE ROLE tenantry_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  IF NOT pg_has_role(current_user, 'tenantry_app', 'MEMBER') THEN
    EXECUTE format('GRANT tenantry_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tenantry_current_org() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
--> statement-breakpoint
-- Later migrations call this for every new business table.
CREATE OR REPLACE FUNCTION tenantry_apply_org_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format(
    'CREATE POLICY org_isolation ON %s USING (org_id = tenantry_current_org()) WITH CHECK (org_id = tenantry_current_org())',
    tbl);
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tenantry_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tenantry_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tenantry_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tenantry_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tenantry_app;
--> statement-breakpoint
SELECT tenantry_apply_org_rls('users');
--> statement-breakpoint
SELECT tenantry_apply_org_rls('sessions');
--> statement-breakpoint
SELECT tenantry_apply_org_rls('audit_log');
--> statement-breakpoint
SELECT tenantry_apply_org_rls('job_runs');
--> statement-breakpoint
-- An organization sees and edits only itself; organizations are created by the system role.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_self ON organizations USING (id = tenantry_current_org()) WITH CHECK (id = tenantry_current_org());
--> statement-breakpoint
REVOKE INSERT, DELETE ON organizations FROM tenantry_app;
--> statement-breakpoint
-- The audit trail is append-only for everyone, the table owner included.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM tenantry_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tenantry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION tenantry_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION tenantry_refuse_change();
--> statement-breakpoint
-- The only reads made before the organization is known: sign-in by username and session by token hash.
CREATE OR REPLACE FUNCTION tenantry_auth_user(p_username text)
  RETURNS TABLE (id uuid, org_id uuid, password_hash text, active boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.org_id, u.password_hash, u.active FROM users u WHERE u.username = lower(p_username)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tenantry_auth_session(p_token_hash text)
  RETURNS TABLE (id uuid, org_id uuid, user_id uuid, csrf_token text, created_at timestamptz,
                 last_seen_at timestamptz, idle_expires_at timestamptz, absolute_expires_at timestamptz,
                 username text, display_name text, email text, roles text[], customer_id uuid, active boolean,
                 password_changed_at timestamptz, org_name text, time_zone text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.id, s.org_id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.idle_expires_at,
         s.absolute_expires_at, u.username, u.display_name, u.email, u.roles, u.customer_id, u.active,
         u.password_changed_at, o.name, o.time_zone
    FROM sessions s JOIN users u ON u.id = s.user_id AND u.org_id = s.org_id
    JOIN organizations o ON o.id = s.org_id
   WHERE s.token_hash = p_token_hash
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tenantry_auth_user(text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tenantry_auth_session(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tenantry_auth_user(text) TO tenantry_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tenantry_auth_session(text) TO tenantry_app;
