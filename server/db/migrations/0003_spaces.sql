CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"floors_above" integer NOT NULL,
	"floors_below" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buildings_floors_check" CHECK ("buildings"."floors_above" between 1 and 200 and "buildings"."floors_below" between 0 and 20)
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_occupancy" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid,
	"customer_id" uuid,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	"released_by" uuid,
	CONSTRAINT "unit_occupancy_range_check" CHECK ("unit_occupancy"."from_date" <= "unit_occupancy"."to_date")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"floor" integer NOT NULL,
	"gross_area" numeric(12, 2) NOT NULL,
	"inside_area" numeric(12, 2) NOT NULL,
	"usable_area" numeric(12, 2) NOT NULL,
	"list_price" numeric(12, 4) NOT NULL,
	"price_basis" text NOT NULL,
	"facilities" text[] DEFAULT '{}' NOT NULL,
	"certificate_no" text,
	"notes" text,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_areas_check" CHECK ("units"."usable_area" > 0 and "units"."usable_area" <= "units"."inside_area" and "units"."inside_area" <= "units"."gross_area"),
	CONSTRAINT "units_floor_check" CHECK ("units"."floor" <> 0),
	CONSTRAINT "units_price_check" CHECK ("units"."list_price" >= 0)
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_occupancy" ADD CONSTRAINT "unit_occupancy_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_occupancy" ADD CONSTRAINT "unit_occupancy_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_site_name_key" ON "buildings" USING btree ("site_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_org_name_key" ON "sites" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "unit_occupancy_unit_idx" ON "unit_occupancy" USING btree ("unit_id","from_date");--> statement-breakpoint
CREATE INDEX "unit_occupancy_source_idx" ON "unit_occupancy" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_building_code_key" ON "units" USING btree ("building_id","code");--> statement-breakpoint
CREATE INDEX "units_org_building_floor_idx" ON "units" USING btree ("org_id","building_id","floor","code");--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "unit_occupancy" ADD CONSTRAINT "unit_occupancy_no_overlap"
  EXCLUDE USING gist (unit_id WITH =, daterange(from_date, to_date, '[]') WITH &&) WHERE (released_at IS NULL);--> statement-breakpoint
SELECT tenantry_apply_org_rls('sites');--> statement-breakpoint
SELECT tenantry_apply_org_rls('buildings');--> statement-breakpoint
SELECT tenantry_apply_org_rls('units');--> statement-breakpoint
SELECT tenantry_apply_org_rls('unit_occupancy');
