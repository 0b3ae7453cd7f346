-- Evaluation (평가): reviewer profiles, panels per call and stage, versioned rubrics, assignments,
-- the conflict-of-interest log (제척 / 회피 / 기피), pledges, score sheets and bonus points.
CREATE TABLE "reviewer_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL REFERENCES "users"("id") ON DELETE cascade,
	"expertise" text[] DEFAULT '{}'::text[] NOT NULL,
	"affiliation" text DEFAULT '' NOT NULL,
	"affiliation_brn" char(10),
	"relationships" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_settings" (
	"call_id" uuid PRIMARY KEY NOT NULL REFERENCES "calls"("id") ON DELETE cascade,
	"cutoff" numeric(6, 2) DEFAULT 70 NOT NULL,
	"bonus_cap" numeric(6, 2) DEFAULT 0 NOT NULL,
	"tie_break_criterion" text,
	"reviewers_per_application" integer DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_settings_ranges" CHECK ("cutoff" >= 0 AND "bonus_cap" >= 0),
	CONSTRAINT "evaluation_settings_reviewers" CHECK ("reviewers_per_application" BETWEEN 1 AND 50)
);
--> statement-breakpoint
CREATE TABLE "evaluation_panels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL REFERENCES "calls"("id") ON DELETE cascade,
	"stage" text NOT NULL,
	"name" text NOT NULL,
	"weight" integer NOT NULL,
	"trim_min" integer DEFAULT 5 NOT NULL,
	"due_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_panels_stage" CHECK ("stage" IN ('document', 'presentation')),
	CONSTRAINT "evaluation_panels_weight" CHECK ("weight" BETWEEN 0 AND 100),
	CONSTRAINT "evaluation_panels_trim" CHECK ("trim_min" >= 3)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_panels_call_stage_uq" ON "evaluation_panels" USING btree ("call_id", "stage");
--> statement-breakpoint
CREATE TABLE "evaluation_rubrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"panel_id" uuid NOT NULL REFERENCES "evaluation_panels"("id") ON DELETE cascade,
	"version" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_rubrics_criteria" CHECK (jsonb_typeof("criteria") = 'array' AND jsonb_array_length("criteria") > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rubrics_version_uq" ON "evaluation_rubrics" USING btree ("panel_id", "version");
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"panel_id" uuid NOT NULL REFERENCES "evaluation_panels"("id") ON DELETE cascade,
	"reviewer_id" uuid NOT NULL REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panel_members_pk" PRIMARY KEY ("panel_id", "reviewer_id")
);
--> statement-breakpoint
CREATE INDEX "panel_members_reviewer_idx" ON "panel_members" USING btree ("reviewer_id");
--> statement-breakpoint
CREATE TABLE "evaluation_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"panel_id" uuid NOT NULL REFERENCES "evaluation_panels"("id") ON DELETE cascade,
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"reviewer_id" uuid NOT NULL REFERENCES "users"("id"),
	"status" text DEFAULT 'assigned' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_assignments_status" CHECK ("status" IN ('assigned', 'recused', 'excluded', 'removed')),
	CONSTRAINT "evaluation_assignments_source" CHECK ("source" IN ('manual', 'auto')),
	CONSTRAINT "evaluation_assignments_reason" CHECK ("status" = 'assigned' OR coalesce(btrim("reason"), '') <> '')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_assignments_uq" ON "evaluation_assignments" USING btree ("panel_id", "application_id", "reviewer_id");
--> statement-breakpoint
CREATE INDEX "evaluation_assignments_reviewer_idx" ON "evaluation_assignments" USING btree ("reviewer_id", "status");
--> statement-breakpoint
CREATE INDEX "evaluation_assignments_application_idx" ON "evaluation_assignments" USING btree ("application_id");
--> statement-breakpoint
CREATE TABLE "evaluation_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"panel_id" uuid NOT NULL REFERENCES "evaluation_panels"("id") ON DELETE cascade,
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"reviewer_id" uuid NOT NULL REFERENCES "users"("id"),
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"raised_by" uuid,
	"decided_by" uuid,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "evaluation_conflicts_kind" CHECK ("kind" IN ('exclusion', 'recusal', 'objection')),
	CONSTRAINT "evaluation_conflicts_status" CHECK ("status" IN ('recorded', 'pending', 'upheld', 'dismissed')),
	CONSTRAINT "evaluation_conflicts_reason" CHECK (btrim("reason") <> ''),
	CONSTRAINT "evaluation_conflicts_decided" CHECK ("status" NOT IN ('upheld', 'dismissed') OR ("decided_at" IS NOT NULL AND coalesce(btrim("decision_reason"), '') <> ''))
);
--> statement-breakpoint
CREATE INDEX "evaluation_conflicts_panel_idx" ON "evaluation_conflicts" USING btree ("panel_id", "application_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_conflicts_one_pending_uq" ON "evaluation_conflicts" USING btree ("panel_id", "application_id", "reviewer_id") WHERE "status" = 'pending';
--> statement-breakpoint
CREATE TABLE "pledge_texts" (
	"version" integer PRIMARY KEY NOT NULL,
	"body_ko" text NOT NULL,
	"body_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
INSERT INTO "pledge_texts" ("version", "body_ko", "body_en") VALUES (1,
'본인은 평가위원으로서 다음 사항을 성실히 준수할 것을 서약합니다.
1. 공정하고 객관적으로 평가하며, 특정 신청기업에 유리하거나 불리하게 평가하지 않겠습니다.
2. 신청기업과 이해관계(임직원, 자문, 지분 보유, 최근 재직 등)가 있는 경우 즉시 신고하고 평가를 회피하겠습니다.
3. 평가 과정에서 알게 된 신청기업의 정보와 평가 내용을 외부에 누설하거나 평가 외의 목적으로 사용하지 않겠습니다.
4. 평가와 관련하여 금품, 향응 등 어떠한 편의도 제공받지 않겠습니다.
위 사항을 위반할 경우 관련 법령과 규정에 따른 책임을 지겠습니다.',
'As a reviewer I pledge to:
1. evaluate fairly and objectively, favouring or disadvantaging no applicant;
2. declare at once any relationship with an applicant (employee, advisor, shareholder, recent employer) and recuse myself;
3. keep applicants'' information and the evaluation confidential and use them for the evaluation only;
4. accept no money, hospitality or favour in connection with the evaluation.
I accept responsibility under the applicable laws and rules for any breach.');
--> statement-breakpoint
CREATE TABLE "pledge_signatures" (
	"reviewer_id" uuid NOT NULL REFERENCES "users"("id"),
	"call_id" uuid NOT NULL REFERENCES "calls"("id") ON DELETE cascade,
	"pledge_version" integer NOT NULL REFERENCES "pledge_texts"("version"),
	"signed_name" text NOT NULL,
	"ip" text,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledge_signatures_pk" PRIMARY KEY ("reviewer_id", "call_id")
);
--> statement-breakpoint
CREATE TABLE "score_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL REFERENCES "evaluation_assignments"("id") ON DELETE cascade,
	"rubric_id" uuid NOT NULL REFERENCES "evaluation_rubrics"("id"),
	"points" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"recommendation" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"total" numeric(6, 2),
	"submitted_at" timestamp with time zone,
	"reopened_at" timestamp with time zone,
	"reopen_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_sheets_status" CHECK ("status" IN ('draft', 'submitted')),
	CONSTRAINT "score_sheets_recommendation" CHECK ("recommendation" IS NULL OR "recommendation" IN ('suitable', 'supplement', 'unsuitable')),
	CONSTRAINT "score_sheets_submitted" CHECK ("status" = 'draft' OR ("submitted_at" IS NOT NULL AND "total" IS NOT NULL AND "recommendation" IS NOT NULL)),
	CONSTRAINT "score_sheets_points_object" CHECK (jsonb_typeof("points") = 'object')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "score_sheets_assignment_uq" ON "score_sheets" USING btree ("assignment_id");
--> statement-breakpoint
CREATE INDEX "score_sheets_rubric_idx" ON "score_sheets" USING btree ("rubric_id");
--> statement-breakpoint
CREATE TABLE "evaluation_bonuses" (
	"application_id" uuid PRIMARY KEY NOT NULL REFERENCES "applications"("id") ON DELETE cascade,
	"points" numeric(6, 2) NOT NULL,
	"reason" text NOT NULL,
	"set_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_bonuses_points" CHECK ("points" >= 0)
);
--> statement-breakpoint
-- A score sheet's points are within 0..maxPoints of its rubric's criteria (unknown codes refused);
-- a submitted sheet does not change until staff reopen it (back to draft, with a reason).
CREATE OR REPLACE FUNCTION itda_score_sheet_guard() RETURNS trigger AS $$
DECLARE
  crit jsonb;
  k text;
  v jsonb;
  mx numeric;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'submitted' THEN
    IF NEW.status = 'submitted' AND
       (NEW.points, NEW.comments, NEW.comment, NEW.recommendation, NEW.total, NEW.rubric_id, NEW.submitted_at)
       IS DISTINCT FROM
       (OLD.points, OLD.comments, OLD.comment, OLD.recommendation, OLD.total, OLD.rubric_id, OLD.submitted_at) THEN
      RAISE EXCEPTION 'a submitted score sheet is immutable until reopened' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.status = 'draft' AND (NEW.reopened_at IS NULL OR coalesce(btrim(NEW.reopen_reason), '') = '') THEN
      RAISE EXCEPTION 'a submitted score sheet is reopened only with a reason' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  SELECT criteria INTO crit FROM evaluation_rubrics WHERE id = NEW.rubric_id;
  FOR k, v IN SELECT key, value FROM jsonb_each(NEW.points) LOOP
    mx := NULL;
    SELECT (c->>'maxPoints')::numeric INTO mx FROM jsonb_array_elements(crit) AS c WHERE c->>'code' = k;
    IF mx IS NULL OR jsonb_typeof(v) <> 'number' OR (v #>> '{}')::numeric < 0 OR (v #>> '{}')::numeric > mx THEN
      RAISE EXCEPTION 'score % is outside its criterion''s range', k USING ERRCODE = 'check_violation';
    END IF;
  END LOOP;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER score_sheets_guard BEFORE INSERT OR UPDATE ON score_sheets
  FOR EACH ROW EXECUTE FUNCTION itda_score_sheet_guard();
--> statement-breakpoint
-- A rubric version with score sheets is frozen: edits make a new version.
CREATE OR REPLACE FUNCTION itda_rubric_frozen() RETURNS trigger AS $$
BEGIN
  IF NEW.criteria IS DISTINCT FROM OLD.criteria AND EXISTS (SELECT 1 FROM score_sheets WHERE rubric_id = OLD.id) THEN
    RAISE EXCEPTION 'rubric version % is in use by score sheets', OLD.version USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER evaluation_rubrics_frozen BEFORE UPDATE ON evaluation_rubrics
  FOR EACH ROW EXECUTE FUNCTION itda_rubric_frozen();
