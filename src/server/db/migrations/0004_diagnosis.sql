CREATE TYPE "public"."diagnosis_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."instrument_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "diagnoses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"status" "diagnosis_status" DEFAULT 'draft' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"seq" integer,
	"is_latest" boolean DEFAULT false NOT NULL,
	"overall" double precision,
	"stage" smallint,
	"dimension_scores" jsonb,
	"size_class" "size_class",
	"ksic_section" char(1),
	"district" text,
	"started_by" uuid,
	"submitted_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "diagnosis_instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"status" "instrument_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "diagnosis_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"company_id" uuid,
	"email" text,
	"association_id" uuid,
	"message" text,
	"invited_by" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"diagnosis_id" uuid,
	"started_at" timestamp with time zone,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "diagnosis_peer_counts" (
	"size_class" text NOT NULL,
	"ksic_section" text NOT NULL,
	"metric" text NOT NULL,
	"score_tenths" smallint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "diagnosis_peer_counts_size_class_ksic_section_metric_score_tenths_pk" PRIMARY KEY("size_class","ksic_section","metric","score_tenths")
);
--> statement-breakpoint
CREATE TABLE "diagnosis_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_code" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"reason_ko" text NOT NULL,
	"reason_en" text DEFAULT '' NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_instrument_id_diagnosis_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."diagnosis_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnosis_invitations" ADD CONSTRAINT "diagnosis_invitations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "diagnoses_company_idx" ON "diagnoses" USING btree ("company_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "diagnoses_one_draft_uq" ON "diagnoses" USING btree ("company_id") WHERE "diagnoses"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "diagnoses_one_latest_uq" ON "diagnoses" USING btree ("company_id") WHERE "diagnoses"."is_latest";--> statement-breakpoint
CREATE UNIQUE INDEX "diagnoses_seq_uq" ON "diagnoses" USING btree ("company_id","seq") WHERE "diagnoses"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "diagnoses_submitted_idx" ON "diagnoses" USING btree ("company_id","submitted_at") WHERE "diagnoses"."status" = 'submitted';--> statement-breakpoint
CREATE UNIQUE INDEX "diagnosis_instruments_version_uq" ON "diagnosis_instruments" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "diagnosis_instruments_one_draft_uq" ON "diagnosis_instruments" USING btree ("status") WHERE "diagnosis_instruments"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "diagnosis_invitations_token_uq" ON "diagnosis_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "diagnosis_invitations_company_idx" ON "diagnosis_invitations" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "diagnosis_invitations_assoc_idx" ON "diagnosis_invitations" USING btree ("association_id","sent_at");--> statement-breakpoint
-- A published instrument version is immutable: UPDATE and DELETE of a published row are refused.
CREATE OR REPLACE FUNCTION itda_instrument_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'published instrument version % is immutable', OLD.version USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER diagnosis_instruments_immutable BEFORE UPDATE OR DELETE ON diagnosis_instruments
  FOR EACH ROW EXECUTE FUNCTION itda_instrument_immutable();
