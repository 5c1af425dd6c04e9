CREATE TABLE "deposit_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"posting_date" date NOT NULL,
	"reason" text,
	"evidence_file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"credit_line_id" uuid,
	"settlement_id" uuid,
	"method" text,
	"reference" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deposit_movements_amount_check" CHECK ("deposit_movements"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "meter_readings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"meter_id" uuid NOT NULL,
	"read_on" date NOT NULL,
	"value" numeric(14, 2) NOT NULL,
	"previous_value" numeric(14, 2),
	"replacement" boolean DEFAULT false NOT NULL,
	"start_value" numeric(14, 2),
	"consumption" numeric(16, 4) NOT NULL,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meter_shares" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"meter_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"percent" numeric(7, 4)
);
--> statement-breakpoint
CREATE TABLE "meters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid,
	"shared" boolean DEFAULT false NOT NULL,
	"split_rule" text,
	"multiplier" numeric(10, 2) DEFAULT '1' NOT NULL,
	"notes" text,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meters_multiplier_check" CHECK ("meters"."multiplier" > 0),
	CONSTRAINT "meters_shared_check" CHECK (("meters"."shared" and "meters"."unit_id" is null and "meters"."split_rule" is not null) or (not "meters"."shared" and "meters"."unit_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "period_locks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"locked_through" date NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"number" text NOT NULL,
	"contract_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"items" jsonb NOT NULL,
	"deposit_held_fen" bigint NOT NULL,
	"due_fen" bigint NOT NULL,
	"result_fen" bigint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"refunded_on" date,
	"refund_method" text,
	"refund_reference" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"number" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"opening_fen" bigint NOT NULL,
	"charges_fen" bigint NOT NULL,
	"received_fen" bigint NOT NULL,
	"closing_fen" bigint NOT NULL,
	"entries" jsonb NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_to" text,
	"responded_on" date,
	"respondent" text,
	"response_note" text,
	"recorded_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "utility_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"contract_id" uuid,
	"meter_type" text NOT NULL,
	"price" numeric(12, 4) NOT NULL,
	"vat_rate" numeric(6, 4) NOT NULL,
	"effective_from" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "utility_rates_price_check" CHECK ("utility_rates"."price" >= 0)
);
--> statement-breakpoint
ALTER TABLE "bills" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bills" ADD COLUMN "sent_to" text;--> statement-breakpoint
ALTER TABLE "deposit_movements" ADD CONSTRAINT "deposit_movements_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_movements" ADD CONSTRAINT "deposit_movements_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_movements" ADD CONSTRAINT "deposit_movements_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_movements" ADD CONSTRAINT "deposit_movements_credit_line_id_bill_lines_id_fk" FOREIGN KEY ("credit_line_id") REFERENCES "public"."bill_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_movements" ADD CONSTRAINT "deposit_movements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_shares" ADD CONSTRAINT "meter_shares_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_shares" ADD CONSTRAINT "meter_shares_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_shares" ADD CONSTRAINT "meter_shares_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meters" ADD CONSTRAINT "meters_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meters" ADD CONSTRAINT "meters_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meters" ADD CONSTRAINT "meters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utility_rates" ADD CONSTRAINT "utility_rates_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utility_rates" ADD CONSTRAINT "utility_rates_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utility_rates" ADD CONSTRAINT "utility_rates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deposit_movements_contract_idx" ON "deposit_movements" USING btree ("contract_id","posting_date");--> statement-breakpoint
CREATE UNIQUE INDEX "meter_readings_meter_date_key" ON "meter_readings" USING btree ("meter_id","read_on");--> statement-breakpoint
CREATE INDEX "meter_readings_org_date_idx" ON "meter_readings" USING btree ("org_id","read_on");--> statement-breakpoint
CREATE UNIQUE INDEX "meter_shares_meter_unit_key" ON "meter_shares" USING btree ("meter_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meters_org_code_key" ON "meters" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "meters_unit_idx" ON "meters" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "meters_org_building_idx" ON "meters" USING btree ("org_id","building_id","code");--> statement-breakpoint
CREATE INDEX "period_locks_org_idx" ON "period_locks" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "settlements_org_number_key" ON "settlements" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "settlements_contract_idx" ON "settlements" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "settlements_contract_open_key" ON "settlements" USING btree ("contract_id") WHERE status in ('draft', 'confirmed', 'refunded');--> statement-breakpoint
CREATE UNIQUE INDEX "statements_org_number_key" ON "statements" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "statements_customer_idx" ON "statements" USING btree ("customer_id","period_to");--> statement-breakpoint
CREATE INDEX "utility_rates_lookup_idx" ON "utility_rates" USING btree ("org_id","meter_type","contract_id","effective_from");--> statement-breakpoint
CREATE INDEX "bill_lines_org_due_idx" ON "bill_lines" USING btree ("org_id","due_date","charge_type");--> statement-breakpoint
CREATE INDEX "bills_unsent_idx" ON "bills" USING btree ("org_id","issued_on") WHERE sent_at is null;--> statement-breakpoint
SELECT tenantry_apply_org_rls('meters');--> statement-breakpoint
SELECT tenantry_apply_org_rls('meter_shares');--> statement-breakpoint
SELECT tenantry_apply_org_rls('meter_readings');--> statement-breakpoint
SELECT tenantry_apply_org_rls('utility_rates');--> statement-breakpoint
SELECT tenantry_apply_org_rls('statements');--> statement-breakpoint
SELECT tenantry_apply_org_rls('deposit_movements');--> statement-breakpoint
SELECT tenantry_apply_org_rls('settlements');--> statement-breakpoint
SELECT tenantry_apply_org_rls('period_locks');--> statement-breakpoint
-- Deposit movements are money out, and closings are history: corrections are new rows.
REVOKE UPDATE, DELETE, TRUNCATE ON deposit_movements, period_locks FROM tenantry_app;--> statement-breakpoint
CREATE TRIGGER deposit_movements_append_only BEFORE UPDATE OR DELETE ON deposit_movements
  FOR EACH ROW EXECUTE FUNCTION tenantry_refuse_change();
--> statement-breakpoint
CREATE TRIGGER period_locks_append_only BEFORE UPDATE OR DELETE ON period_locks
  FOR EACH ROW EXECUTE FUNCTION tenantry_refuse_change();
