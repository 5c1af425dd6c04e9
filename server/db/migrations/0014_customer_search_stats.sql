CREATE TABLE "customer_search_stats" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"customers" integer NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_search_stats" ADD CONSTRAINT "customer_search_stats_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
SELECT tenantry_apply_org_rls('customer_search_stats');
--> statement-breakpoint
-- Counted now, not at the next nightly run: without a count, name search would walk for every counted term.
INSERT INTO customer_search_stats (org_id, customers) SELECT org_id, count(*) FROM customers GROUP BY org_id;
