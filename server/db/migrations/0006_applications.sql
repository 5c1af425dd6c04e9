CREATE TABLE "application_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"reject_reason" text,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stage_started_at" timestamp with time zone NOT NULL,
	"due_on" date,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"number" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"space_type" text NOT NULL,
	"area_min" numeric(12, 2) NOT NULL,
	"area_max" numeric(12, 2) NOT NULL,
	"site_id" uuid,
	"building_id" uuid,
	"unit_ids" uuid[] DEFAULT '{}' NOT NULL,
	"start_date" date NOT NULL,
	"term_months" integer NOT NULL,
	"occupants" integer NOT NULL,
	"intended_use" text NOT NULL,
	"use_description" text,
	"terms" jsonb NOT NULL,
	"notes" text,
	"returned_from" text,
	"stage_started_at" timestamp with time zone,
	"stage_due_on" date,
	"reminded_on" date,
	"notice_number" text,
	"notice_issued_on" date,
	"notice_sign_by" date,
	"withdraw_reason" text,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_area_check" CHECK ("applications"."area_min" <= "applications"."area_max")
);
--> statement-breakpoint
CREATE TABLE "document_numbers" (
	"org_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_numbers_org_id_prefix_year_pk" PRIMARY KEY("org_id","prefix","year")
);
--> statement-breakpoint
ALTER TABLE "application_reviews" ADD CONSTRAINT "application_reviews_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_reviews" ADD CONSTRAINT "application_reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_reviews" ADD CONSTRAINT "application_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_numbers" ADD CONSTRAINT "document_numbers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_reviews_application_idx" ON "application_reviews" USING btree ("application_id","decided_at","id");--> statement-breakpoint
CREATE INDEX "application_reviews_org_decided_idx" ON "application_reviews" USING btree ("org_id","decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_org_number_key" ON "applications" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "applications_org_status_idx" ON "applications" USING btree ("org_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "applications_customer_idx" ON "applications" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_org_created_idx" ON "applications" USING btree ("org_id","created_at","id");--> statement-breakpoint
SELECT tenantry_apply_org_rls('document_numbers');--> statement-breakpoint
SELECT tenantry_apply_org_rls('applications');--> statement-breakpoint
SELECT tenantry_apply_org_rls('application_reviews');
--> statement-breakpoint
-- Decisions are kept as made (R2.2.2-R2.2.5): nobody changes or removes one, the table owner included.
REVOKE UPDATE, DELETE, TRUNCATE ON application_reviews FROM tenantry_app;--> statement-breakpoint
CREATE TRIGGER application_reviews_append_only BEFORE UPDATE OR DELETE ON application_reviews
  FOR EACH ROW EXECUTE FUNCTION tenantry_refuse_change();--> statement-breakpoint
CREATE TRIGGER application_reviews_no_truncate BEFORE TRUNCATE ON application_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION tenantry_refuse_change();
