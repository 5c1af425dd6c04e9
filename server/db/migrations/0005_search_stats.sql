CREATE TABLE "customer_name_trigrams" (
	"org_id" uuid NOT NULL,
	"trigram" text NOT NULL,
	"customers" integer NOT NULL,
	CONSTRAINT "customer_name_trigrams_org_id_trigram_pk" PRIMARY KEY("org_id","trigram")
);
--> statement-breakpoint
ALTER TABLE "customer_name_trigrams" ADD CONSTRAINT "customer_name_trigrams_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
SELECT tenantry_apply_org_rls('customer_name_trigrams');
