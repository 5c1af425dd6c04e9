CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"payment_id" uuid,
	"credit_line_id" uuid,
	"bill_line_id" uuid NOT NULL,
	"bill_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reverses" uuid,
	"posting_date" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocations_one_source" CHECK ((payment_id is null) <> (credit_line_id is null))
);
--> statement-breakpoint
CREATE TABLE "bill_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"bill_id" uuid NOT NULL,
	"contract_id" uuid,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"charge_type" text NOT NULL,
	"unit_id" uuid,
	"name" text DEFAULT '' NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_date" date NOT NULL,
	"posting_date" date NOT NULL,
	"net_fen" bigint NOT NULL,
	"tax_fen" bigint NOT NULL,
	"total_fen" bigint NOT NULL,
	"vat_rate" numeric(6, 4) NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bills" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"number" text NOT NULL,
	"contract_id" uuid,
	"customer_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"issued_on" date NOT NULL,
	"net_fen" bigint NOT NULL,
	"tax_fen" bigint NOT NULL,
	"total_fen" bigint NOT NULL,
	"charges_fen" bigint NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"credited_fen" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charge_plan" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"charge_type" text NOT NULL,
	"unit_id" uuid,
	"name" text DEFAULT '' NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_date" date NOT NULL,
	"issue_date" date NOT NULL,
	"net_fen" bigint NOT NULL,
	"tax_fen" bigint NOT NULL,
	"total_fen" bigint NOT NULL,
	"vat_rate" numeric(6, 4) NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"number" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"received_on" date NOT NULL,
	"method" text NOT NULL,
	"reference" text,
	"payer_name" text,
	"idempotency_key" text NOT NULL,
	"allocated_fen" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"reversed_on" date,
	"reversal_reason" text,
	"reversed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_credit_line_id_bill_lines_id_fk" FOREIGN KEY ("credit_line_id") REFERENCES "public"."bill_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_bill_line_id_bill_lines_id_fk" FOREIGN KEY ("bill_line_id") REFERENCES "public"."bill_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_plan" ADD CONSTRAINT "charge_plan_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_plan" ADD CONSTRAINT "charge_plan_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_plan" ADD CONSTRAINT "charge_plan_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_reversed_by_users_id_fk" FOREIGN KEY ("reversed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocations_line_idx" ON "allocations" USING btree ("bill_line_id");--> statement-breakpoint
CREATE INDEX "allocations_payment_idx" ON "allocations" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "allocations_credit_idx" ON "allocations" USING btree ("credit_line_id");--> statement-breakpoint
CREATE INDEX "allocations_customer_idx" ON "allocations" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "bill_lines_bill_idx" ON "bill_lines" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "bill_lines_customer_due_idx" ON "bill_lines" USING btree ("customer_id","due_date");--> statement-breakpoint
CREATE INDEX "bill_lines_credit_idx" ON "bill_lines" USING btree ("customer_id") WHERE total_fen < 0;--> statement-breakpoint
CREATE UNIQUE INDEX "bills_org_number_key" ON "bills" USING btree ("org_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "bills_contract_due_issued_key" ON "bills" USING btree ("contract_id","due_date","issued_on");--> statement-breakpoint
CREATE INDEX "bills_customer_due_idx" ON "bills" USING btree ("customer_id","due_date","id");--> statement-breakpoint
CREATE INDEX "bills_org_due_idx" ON "bills" USING btree ("org_id","due_date","id");--> statement-breakpoint
CREATE INDEX "bills_org_status_idx" ON "bills" USING btree ("org_id","status","due_date");--> statement-breakpoint
CREATE INDEX "charge_plan_org_issue_idx" ON "charge_plan" USING btree ("org_id","issue_date","contract_id");--> statement-breakpoint
CREATE INDEX "charge_plan_contract_idx" ON "charge_plan" USING btree ("contract_id","issue_date");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_org_key_key" ON "payments" USING btree ("org_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_org_number_key" ON "payments" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "payments_customer_idx" ON "payments" USING btree ("customer_id","received_on","id");--> statement-breakpoint
CREATE INDEX "payments_org_received_idx" ON "payments" USING btree ("org_id","received_on","id");--> statement-breakpoint
CREATE INDEX "payments_unallocated_idx" ON "payments" USING btree ("customer_id") WHERE status = 'received' and allocated_fen < amount_fen;--> statement-breakpoint
-- Time-ordered ids for rows written in bulk by SQL (billing runs): a UUIDv7 from the clock and random bits,
-- as the application's ids are (PostgreSQL 15 has no uuidv7()).
CREATE FUNCTION tenantry_uuid7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
    substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
    52, 1), 53, 1), 'hex')::uuid
$$;--> statement-breakpoint
-- A charge is billed once: its key is unique among issued lines, and among pending ones.
CREATE UNIQUE INDEX "bill_lines_charge_key" ON "bill_lines" ("contract_id", "charge_type",
  coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid), "name", "period_start", "seq")
  WHERE "kind" IN ('charge', 'adjustment');--> statement-breakpoint
CREATE UNIQUE INDEX "charge_plan_charge_key" ON "charge_plan" ("contract_id", "charge_type",
  coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid), "name", "period_start", "seq");--> statement-breakpoint
SELECT tenantry_apply_org_rls('charge_plan');--> statement-breakpoint
SELECT tenantry_apply_org_rls('bills');--> statement-breakpoint
SELECT tenantry_apply_org_rls('bill_lines');--> statement-breakpoint
SELECT tenantry_apply_org_rls('payments');--> statement-breakpoint
SELECT tenantry_apply_org_rls('allocations');--> statement-breakpoint
-- Issued lines and allocations are kept as written: corrections are new rows.
REVOKE UPDATE, DELETE, TRUNCATE ON bill_lines, allocations FROM tenantry_app;--> statement-breakpoint
CREATE TRIGGER bill_lines_append_only BEFORE UPDATE OR DELETE ON bill_lines
  FOR EACH ROW EXECUTE FUNCTION tenantry_refuse_change();--> statement-breakpoint
CREATE TRIGGER allocations_append_only BEFORE UPDATE OR DELETE ON allocations
  FOR EACH ROW EXECUTE FUNCTION tenantry_refuse_change();
