CREATE TABLE "charge_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"contract_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"corrects_line_id" uuid,
	"charge_type" text NOT NULL,
	"unit_id" uuid,
	"name" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_date" date,
	"net_fen" bigint NOT NULL,
	"tax_fen" bigint NOT NULL,
	"total_fen" bigint NOT NULL,
	"vat_rate" numeric(6, 4) NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"needs_approval" boolean NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"line_id" uuid,
	"posted_on" date,
	CONSTRAINT "charge_requests_amount_check" CHECK (total_fen <> 0 and net_fen + tax_fen = total_fen),
	CONSTRAINT "charge_requests_kind_check" CHECK ((kind = 'one_off' and total_fen > 0 and due_date is not null) or (kind = 'correction' and corrects_line_id is not null))
);
--> statement-breakpoint
ALTER TABLE "charge_requests" ADD CONSTRAINT "charge_requests_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_requests" ADD CONSTRAINT "charge_requests_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_requests" ADD CONSTRAINT "charge_requests_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_requests" ADD CONSTRAINT "charge_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_requests" ADD CONSTRAINT "charge_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_requests" ADD CONSTRAINT "charge_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charge_requests_org_number_key" ON "charge_requests" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "charge_requests_org_status_idx" ON "charge_requests" USING btree ("org_id","status","requested_at");--> statement-breakpoint
CREATE INDEX "charge_requests_customer_idx" ON "charge_requests" USING btree ("customer_id","requested_at");--> statement-breakpoint
CREATE INDEX "charge_requests_line_idx" ON "charge_requests" USING btree ("corrects_line_id");--> statement-breakpoint
SELECT tenantry_apply_org_rls('charge_requests');
