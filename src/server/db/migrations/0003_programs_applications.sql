CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'withdrawn', 'supplement_requested', 'incomplete', 'ineligible', 'selected', 'waitlisted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."call_status" AS ENUM('draft', 'published', 'open', 'closed', 'evaluating', 'announced', 'archived');--> statement-breakpoint
CREATE TYPE "public"."program_module" AS ENUM('diagnosis', 'consulting', 'matching', 'support');--> statement-breakpoint
CREATE TABLE "application_files" (
	"application_id" uuid NOT NULL,
	"field_key" text NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_files_application_id_field_key_file_id_pk" PRIMARY KEY("application_id","field_key","file_id")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"receipt_no" text,
	"submitted_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"status_reason" text,
	"idempotency_key" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplement_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"message" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "call_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"status" "call_status" DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"evaluation_at" timestamp with time zone,
	"announce_at" timestamp with time zone,
	"capacity" integer NOT NULL,
	"max_applications" integer,
	"per_firm_cap" bigint,
	"total_budget" bigint,
	"eligibility" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"receipt_seq" integer DEFAULT 0 NOT NULL,
	"submitted_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_schedule" CHECK ("calls"."closes_at" > "calls"."opens_at"),
	CONSTRAINT "calls_capacity" CHECK ("calls"."capacity" > 0),
	CONSTRAINT "calls_max_apps" CHECK ("calls"."max_applications" IS NULL OR "calls"."submitted_count" <= "calls"."max_applications")
);
--> statement-breakpoint
CREATE TABLE "program_budgets" (
	"program_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "program_budgets_program_id_year_pk" PRIMARY KEY("program_id","year"),
	CONSTRAINT "program_budget_nonneg" CHECK ("program_budgets"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"module" "program_module" NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text NOT NULL,
	"summary_ko" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "application_files" ADD CONSTRAINT "application_files_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_form_id_call_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."call_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplement_requests" ADD CONSTRAINT "supplement_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_forms" ADD CONSTRAINT "call_forms_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_budgets" ADD CONSTRAINT "program_budgets_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_per_company_uq" ON "applications" USING btree ("call_id","company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_receipt_uq" ON "applications" USING btree ("receipt_no");--> statement-breakpoint
CREATE INDEX "applications_call_status_idx" ON "applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "applications_company_idx" ON "applications" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_forms_version_uq" ON "call_forms" USING btree ("call_id","version");--> statement-breakpoint
CREATE INDEX "calls_program_idx" ON "calls" USING btree ("program_id","year");--> statement-breakpoint
CREATE INDEX "calls_status_idx" ON "calls" USING btree ("status","closes_at");