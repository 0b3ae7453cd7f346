CREATE TYPE "public"."claim_method" AS ENUM('staff_review', 'document', 'invitation', 'owner');--> statement-breakpoint
CREATE TYPE "public"."claim_status" AS ENUM('pending', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "company_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"method" "claim_method" NOT NULL,
	"status" "claim_status" DEFAULT 'pending' NOT NULL,
	"evidence_file_id" uuid,
	"invitation_id" uuid,
	"note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "company_claims" ADD CONSTRAINT "company_claims_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_claims" ADD CONSTRAINT "company_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_claims" ADD CONSTRAINT "company_claims_evidence_file_id_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "company_claims_pending_uq" ON "company_claims" USING btree ("company_id","user_id") WHERE "company_claims"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "company_claims_invitation_uq" ON "company_claims" USING btree ("invitation_id") WHERE "company_claims"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "company_claims_status_idx" ON "company_claims" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "company_claims_user_idx" ON "company_claims" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "company_claims_company_idx" ON "company_claims" USING btree ("company_id");--> statement-breakpoint
INSERT INTO "company_claims" ("company_id", "user_id", "method", "created_at")
	SELECT "company_id", "user_id", 'owner', "created_at" FROM "company_members" WHERE "status" = 'pending';--> statement-breakpoint
DELETE FROM "company_members" WHERE "status" = 'pending';
