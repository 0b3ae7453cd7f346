-- Several app instances on one server database: uploaded bytes in the database, job leases, shared rate limits.
ALTER TABLE "files" ADD COLUMN "storage" text DEFAULT 'local' NOT NULL;--> statement-breakpoint
CREATE TABLE "file_blobs" (
	"file_id" uuid NOT NULL,
	"part" integer NOT NULL,
	"data" bytea NOT NULL,
	CONSTRAINT "file_blobs_file_id_part_pk" PRIMARY KEY("file_id","part"),
	CONSTRAINT "file_blobs_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade
);--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "locked_by" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
-- Jobs running when this migration runs keep the old rule (taken over 5 minutes after their last heartbeat).
UPDATE "jobs" SET "lease_until" = COALESCE("heartbeat_at", "started_at", now()) + interval '5 minutes' WHERE "status" = 'running';--> statement-breakpoint
CREATE INDEX "jobs_lease_idx" ON "jobs" USING btree ("lease_until") WHERE "status" = 'running';--> statement-breakpoint
-- Unlogged: the counters of the current minute are not worth WAL writes; a crash only resets them.
CREATE UNLOGGED TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "rate_limits" USING btree ("window_start");
