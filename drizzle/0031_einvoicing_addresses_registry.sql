-- Issue 12 item 7: the coop's registration (RCS/RM and city, Code de commerce R123-237) and the
-- electronic addresses of the e-invoicing directory (BT-34, BT-49), the SIREN by default.
ALTER TABLE "clients" ADD COLUMN "electronic_address" varchar(125);--> statement-breakpoint
UPDATE "clients" SET "electronic_address" = "siren" WHERE "siren" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "coops" ADD COLUMN "registry_kind" varchar(3);--> statement-breakpoint
ALTER TABLE "coops" ADD COLUMN "registry_city" varchar(80);--> statement-breakpoint
ALTER TABLE "coops" ADD COLUMN "electronic_address" varchar(125);--> statement-breakpoint
UPDATE "coops" SET "electronic_address" = "siren";--> statement-breakpoint
ALTER TABLE "coops" ALTER COLUMN "electronic_address" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_electronic_address_check" CHECK ("clients"."electronic_address" is null or ("clients"."siren" is not null and left("clients"."electronic_address", 9) = "clients"."siren"));--> statement-breakpoint
ALTER TABLE "coops" ADD CONSTRAINT "coops_registry_check" CHECK (("coops"."registry_kind" is null) = ("coops"."registry_city" is null) and ("coops"."registry_kind" is null or "coops"."registry_kind" in ('RCS', 'RM')));
