CREATE TABLE "customer_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"mobile" text,
	"email" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"roles" text[] DEFAULT '{}' NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text,
	"document_no" text,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_path" text NOT NULL,
	"issued_on" date,
	"expires_on" date,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"expiry_warned_for" date,
	"uploaded_by" uuid,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_documents_dates_check" CHECK ("customer_documents"."issued_on" is null or "customer_documents"."expires_on" is null or "customer_documents"."issued_on" <= "customer_documents"."expires_on")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'company' NOT NULL,
	"uscc" text NOT NULL,
	"legal_representative" text,
	"registered_capital" bigint,
	"established_on" date,
	"industry" text,
	"registered_address" text,
	"scale" text,
	"account_manager_id" uuid,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"notes" text,
	"status" text DEFAULT 'prospect' NOT NULL,
	"status_before_blacklist" text,
	"blacklist_reason" text,
	"blacklisted_at" timestamp with time zone,
	"blacklisted_by" uuid,
	"import_batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_capital_check" CHECK ("customers"."registered_capital" is null or "customers"."registered_capital" >= 0),
	CONSTRAINT "customers_blacklist_check" CHECK (("customers"."status" = 'blacklisted') = ("customers"."blacklist_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'previewed' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"org_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"data" jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "import_rows_batch_id_row_no_pk" PRIMARY KEY("batch_id","row_no")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD CONSTRAINT "customer_contacts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD CONSTRAINT "customer_contacts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_documents" ADD CONSTRAINT "customer_documents_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_documents" ADD CONSTRAINT "customer_documents_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_documents" ADD CONSTRAINT "customer_documents_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_documents" ADD CONSTRAINT "customer_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_documents" ADD CONSTRAINT "customer_documents_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_account_manager_id_users_id_fk" FOREIGN KEY ("account_manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_blacklisted_by_users_id_fk" FOREIGN KEY ("blacklisted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_contacts_customer_idx" ON "customer_contacts" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customer_contacts_org_mobile_idx" ON "customer_contacts" USING btree ("org_id","mobile");--> statement-breakpoint
CREATE INDEX "customer_contacts_org_name_idx" ON "customer_contacts" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_contacts_primary_key" ON "customer_contacts" USING btree ("customer_id") WHERE "customer_contacts"."is_primary";--> statement-breakpoint
CREATE INDEX "customer_documents_customer_idx" ON "customer_documents" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "customer_documents_expiry_idx" ON "customer_documents" USING btree ("org_id","expires_on");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_org_uscc_key" ON "customers" USING btree ("org_id","uscc");--> statement-breakpoint
CREATE INDEX "customers_org_manager_idx" ON "customers" USING btree ("org_id","account_manager_id");--> statement-breakpoint
CREATE INDEX "customers_org_created_idx" ON "customers" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "import_batches_org_created_idx" ON "import_batches" USING btree ("org_id","created_at");--> statement-breakpoint
ALTER TABLE "unit_occupancy" ADD CONSTRAINT "unit_occupancy_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_customer_idx" ON "audit_log" USING btree ("org_id","customer_id","at");--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- Substring search on names, Chinese included (trigrams of any character under a UTF-8 ctype).
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customer_contacts_name_trgm_idx" ON "customer_contacts" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
-- Byte order: the same list order on PGlite and PostgreSQL, and prefix search for one or two characters.
CREATE INDEX "customers_org_name_idx" ON "customers" USING btree ("org_id", ("name" COLLATE "C"), "id");--> statement-breakpoint
SELECT tenantry_apply_org_rls('customers');--> statement-breakpoint
SELECT tenantry_apply_org_rls('customer_contacts');--> statement-breakpoint
SELECT tenantry_apply_org_rls('customer_documents');--> statement-breakpoint
SELECT tenantry_apply_org_rls('import_batches');--> statement-breakpoint
SELECT tenantry_apply_org_rls('import_rows');
--> statement-breakpoint
-- Lists filtered by status page in name order from one index.
CREATE INDEX "customers_org_status_name_idx" ON "customers" USING btree ("org_id", "status", ("name" COLLATE "C"), "id");--> statement-breakpoint
-- Name search runs on these views. LIKE is not leakproof, so under row-level security PostgreSQL will not
-- use an index for it and reads the whole table; a view runs with its owner's rights, to whom the policies
-- do not apply, and carries the organization filter itself. Not security_barrier, not security_invoker:
-- either would bring the full scans back. The application may only read them.
CREATE VIEW "customer_search" AS
  SELECT id, org_id, name, status, industry, account_manager_id, tags, created_at
    FROM customers WHERE org_id = tenantry_current_org();--> statement-breakpoint
CREATE VIEW "customer_contact_search" AS
  SELECT customer_id, name FROM customer_contacts WHERE org_id = tenantry_current_org();--> statement-breakpoint
REVOKE ALL ON "customer_search", "customer_contact_search" FROM tenantry_app;--> statement-breakpoint
GRANT SELECT ON "customer_search", "customer_contact_search" TO tenantry_app;
--> statement-breakpoint
-- Every request calls this. A LANGUAGE sql function that cannot be inlined is planned again on each call;
-- PL/pgSQL keeps the plan for the connection.
CREATE OR REPLACE FUNCTION tenantry_auth_session(p_token_hash text)
  RETURNS TABLE (id uuid, org_id uuid, user_id uuid, csrf_token text, created_at timestamptz,
                 last_seen_at timestamptz, idle_expires_at timestamptz, absolute_expires_at timestamptz,
                 username text, display_name text, email text, roles text[], customer_id uuid, active boolean,
                 password_changed_at timestamptz, org_name text, time_zone text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT s.id, s.org_id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.idle_expires_at,
         s.absolute_expires_at, u.username, u.display_name, u.email, u.roles, u.customer_id, u.active,
         u.password_changed_at, o.name, o.time_zone
    FROM sessions s JOIN users u ON u.id = s.user_id AND u.org_id = s.org_id
    JOIN organizations o ON o.id = s.org_id
   WHERE s.token_hash = p_token_hash;
END $$;
