CREATE TYPE "public"."link_request_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "company_link_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"association_id" uuid NOT NULL,
	"requested_by" uuid,
	"file_id" uuid,
	"row_no" integer,
	"name_in_file" text,
	"status" "link_request_status" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "company_link_requests" ADD CONSTRAINT "company_link_requests_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_link_requests" ADD CONSTRAINT "company_link_requests_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "company_link_requests_pending_uq" ON "company_link_requests" USING btree ("company_id","association_id") WHERE "company_link_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "company_link_requests_status_idx" ON "company_link_requests" USING btree ("status","created_at");
