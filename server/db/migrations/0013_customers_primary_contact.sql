ALTER TABLE "customers" ADD COLUMN "primary_contact_name" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "primary_contact_mobile" text;--> statement-breakpoint
-- A list page shows each customer's primary contact. Kept on the customer row, a page of fifty reads fifty
-- rows instead of fifty more index and heap lookups in customer_contacts. The database keeps it: statement
-- triggers with transition tables, so an import of thousands of contacts updates its customers in one
-- statement; a change that leaves the values as they were writes nothing.
CREATE OR REPLACE FUNCTION tenantry_refresh_primary_contacts(p_customer_ids uuid[]) RETURNS void
  LANGUAGE sql AS $$
  UPDATE customers c SET primary_contact_name = k.name, primary_contact_mobile = k.mobile
    FROM (SELECT i.id, p.name, p.mobile FROM unnest(p_customer_ids) AS i(id)
            LEFT JOIN customer_contacts p ON p.customer_id = i.id AND p.is_primary) k
   WHERE c.id = k.id
     AND (c.primary_contact_name, c.primary_contact_mobile) IS DISTINCT FROM (k.name, k.mobile)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tenantry_sync_primary_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM tenantry_refresh_primary_contacts(
      array(SELECT DISTINCT customer_id FROM new_contacts WHERE is_primary));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM tenantry_refresh_primary_contacts(
      array(SELECT DISTINCT customer_id FROM old_contacts WHERE is_primary));
  ELSE
    PERFORM tenantry_refresh_primary_contacts(array(
      SELECT n.customer_id FROM new_contacts n JOIN old_contacts o ON o.id = n.id
       WHERE (n.is_primary OR o.is_primary)
         AND (n.name, n.mobile, n.is_primary, n.customer_id)
             IS DISTINCT FROM (o.name, o.mobile, o.is_primary, o.customer_id)
      UNION
      SELECT o.customer_id FROM new_contacts n JOIN old_contacts o ON o.id = n.id
       WHERE o.is_primary AND o.customer_id <> n.customer_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customer_contacts_primary_insert AFTER INSERT ON customer_contacts
  REFERENCING NEW TABLE AS new_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION tenantry_sync_primary_contacts();
--> statement-breakpoint
CREATE TRIGGER customer_contacts_primary_update AFTER UPDATE ON customer_contacts
  REFERENCING OLD TABLE AS old_contacts NEW TABLE AS new_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION tenantry_sync_primary_contacts();
--> statement-breakpoint
CREATE TRIGGER customer_contacts_primary_delete AFTER DELETE ON customer_contacts
  REFERENCING OLD TABLE AS old_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION tenantry_sync_primary_contacts();
--> statement-breakpoint
UPDATE customers c SET primary_contact_name = k.name, primary_contact_mobile = k.mobile
  FROM customer_contacts k
 WHERE k.customer_id = c.id AND k.is_primary;
