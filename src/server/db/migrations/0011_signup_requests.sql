CREATE TABLE "signup_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"password_hash" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"role" "role" NOT NULL,
	"consents" jsonb NOT NULL,
	"consent_version" text NOT NULL,
	"next" text,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "signup_requests_email_uq" ON "signup_requests" USING btree (lower("email"));
--> statement-breakpoint
CREATE UNIQUE INDEX "signup_requests_token_uq" ON "signup_requests" USING btree ("token_hash");
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "kind" text;
--> statement-breakpoint
CREATE INDEX "outbox_to_kind_idx" ON "outbox" USING btree (lower("to"), "kind", "created_at");
