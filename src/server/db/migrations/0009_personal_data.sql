-- PIPA hardening (issue 9, part 5): masked personal data in the audit log, retention per category,
-- expired-row purge through one SECURITY DEFINER function, access-log fields, and grants for a
-- separate application role that does not own the log tables (so it cannot disable their triggers).

-- Masking, the same rules as src/shared/text.ts (홍길동 → 홍*동, 010-1234-5678 → 010-****-5678,
-- kim@example.com → ki*@example.com); each is idempotent, so masked values stay as they are.
-- (plpgsql: a SQL-language function that is not inlined costs an executor start per call)
CREATE OR REPLACE FUNCTION itda_mask_name(v text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  n int := char_length(v);
BEGIN
  IF v IS NULL OR n = 0 THEN
    RETURN v;
  ELSIF n = 1 THEN
    RETURN '*';
  ELSIF n = 2 THEN
    RETURN left(v, 1) || '*';
  END IF;
  RETURN left(v, 1) || repeat('*', n - 2) || right(v, 1);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION itda_mask_phone(v text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN regexp_replace(v, '(\d{2,3})[-\s]?(\d{3,4})[-\s]?(\d{4})', '\1-****-\3');
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION itda_mask_email(v text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  local text := split_part(v, '@', 1);
BEGIN
  IF v IS NULL OR v = '' THEN
    RETURN v;
  ELSIF position('@' IN v) = 0 THEN
    RETURN '***';
  END IF;
  RETURN left(local, 2) || repeat('*', greatest(1, char_length(local) - 2)) || '@' || split_part(v, '@', 2);
END;
$$;
--> statement-breakpoint
-- The registry of personal fields in audit before/after (PERSONAL_AUDIT_FIELDS in
-- src/server/platform/audit.ts, keep in step): email and phone keys, people's names (and "name" of a
-- user), looked up in the object and in the nested containers listed (application answers, …).
-- Plain plpgsql expressions only, no query per row: bulk imports write one audit row per firm.
CREATE OR REPLACE FUNCTION itda_mask_personal(j jsonb, entity_type text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  k text;
  i int;
  emails text[] := ARRAY['email', 'contactEmail', 'applicantEmail', 'managerEmail', 'ownerEmail'];
  phones text[] := ARRAY['phone', 'contactPhone', 'applicantPhone', 'managerPhone', 'ownerPhone', 'mobile'];
  names text[] := ARRAY['representative', 'contactName', 'applicantName', 'managerName', 'ownerName',
    'ceoName', 'personName', 'participantName', 'participants', 'participantNames'];
  nested text[] := ARRAY['answers', 'contact', 'contacts', 'targets', 'members', 'items', 'changes'];
BEGIN
  IF j IS NULL THEN
    RETURN NULL;
  ELSIF jsonb_typeof(j) = 'array' THEN
    FOR i IN 0 .. jsonb_array_length(j) - 1 LOOP
      IF jsonb_typeof(j -> i) IN ('object', 'array') THEN
        j := jsonb_set(j, ARRAY[i::text], itda_mask_personal(j -> i, entity_type));
      END IF;
    END LOOP;
    RETURN j;
  ELSIF jsonb_typeof(j) <> 'object' THEN
    RETURN j;
  END IF;
  IF entity_type IN ('user', 'account') THEN
    names := names || ARRAY['name'];
  END IF;
  FOREACH k IN ARRAY emails LOOP
    IF jsonb_typeof(j -> k) = 'string' THEN
      j := jsonb_set(j, ARRAY[k], to_jsonb(itda_mask_email(j ->> k)));
    END IF;
  END LOOP;
  FOREACH k IN ARRAY phones LOOP
    IF jsonb_typeof(j -> k) = 'string' THEN
      j := jsonb_set(j, ARRAY[k], to_jsonb(itda_mask_phone(j ->> k)));
    END IF;
  END LOOP;
  FOREACH k IN ARRAY names LOOP
    IF jsonb_typeof(j -> k) = 'string' THEN
      j := jsonb_set(j, ARRAY[k], to_jsonb(itda_mask_name(j ->> k)));
    ELSIF jsonb_typeof(j -> k) = 'array' THEN
      FOR i IN 0 .. jsonb_array_length(j -> k) - 1 LOOP
        IF jsonb_typeof(j -> k -> i) = 'string' THEN
          j := jsonb_set(j, ARRAY[k, i::text], to_jsonb(itda_mask_name(j -> k ->> i)));
        END IF;
      END LOOP;
    END IF;
  END LOOP;
  FOREACH k IN ARRAY nested LOOP
    IF jsonb_typeof(j -> k) IN ('object', 'array') THEN
      j := jsonb_set(j, ARRAY[k], itda_mask_personal(j -> k, entity_type));
    END IF;
  END LOOP;
  RETURN j;
END;
$$;
--> statement-breakpoint
-- Retention per category: access log 2 years (PIPA 안전성 확보조치 기준 §8), accounts and roles 3 years,
-- business records (companies, applications, diagnoses, files) 5 years (보조금법), program set-up 10 years.
CREATE OR REPLACE FUNCTION itda_audit_category(entity_type text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN entity_type IN ('user', 'association') THEN 'account'
    WHEN entity_type IN ('program', 'call', 'instrument', 'diagnosis_rule') THEN 'config'
    ELSE 'business'
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION itda_log_retention(category text) RETURNS interval LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE category
    WHEN 'access' THEN interval '2 years'
    WHEN 'account' THEN interval '3 years'
    WHEN 'config' THEN interval '10 years'
    ELSE interval '5 years'
  END
$$;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "category" text DEFAULT 'business' NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "keep_until" timestamp with time zone DEFAULT now() + interval '5 years' NOT NULL;
--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "fields" text[];
--> statement-breakpoint
CREATE INDEX "audit_log_keep_until_idx" ON "audit_log" USING btree ("keep_until");
--> statement-breakpoint
CREATE INDEX "access_log_keep_until_idx" ON "access_log" USING btree ("keep_until");
--> statement-breakpoint
-- Every insert is masked and gets its category's retention, whoever writes it (callers cannot forget,
-- nor choose a shorter keep_until).
CREATE OR REPLACE FUNCTION itda_audit_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.before IS NOT NULL THEN
    NEW.before := itda_mask_personal(NEW.before, NEW.entity_type);
  END IF;
  IF NEW.after IS NOT NULL THEN
    NEW.after := itda_mask_personal(NEW.after, NEW.entity_type);
  END IF;
  -- the same as itda_audit_category / itda_log_retention, written out (per-row cost of bulk imports)
  NEW.category := CASE
    WHEN NEW.entity_type IN ('user', 'association') THEN 'account'
    WHEN NEW.entity_type IN ('program', 'call', 'instrument', 'diagnosis_rule') THEN 'config'
    ELSE 'business'
  END;
  NEW.keep_until := NEW.at + CASE NEW.category
    WHEN 'account' THEN interval '3 years'
    WHEN 'config' THEN interval '10 years'
    ELSE interval '5 years'
  END;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_mask BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION itda_audit_before_insert();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION itda_access_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.keep_until := NEW.at + interval '2 years';  -- itda_log_retention('access')
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_retention BEFORE INSERT ON access_log
  FOR EACH ROW EXECUTE FUNCTION itda_access_before_insert();
--> statement-breakpoint
-- Existing rows: masked once, here, by the migration (it runs as the tables' owner, who alone may
-- disable the append-only trigger; the application role cannot).
ALTER TABLE "audit_log" DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
UPDATE "audit_log" SET
  "before" = itda_mask_personal("before", "entity_type"),
  "after" = itda_mask_personal("after", "entity_type"),
  "category" = itda_audit_category("entity_type"),
  "keep_until" = "at" + itda_log_retention(itda_audit_category("entity_type"));
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
-- Append-only, except that the purge below may delete rows whose keep_until has passed.
CREATE OR REPLACE FUNCTION itda_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_setting('itda.purging', true) = 'on' AND OLD.keep_until < now() THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The one way rows leave the logs: expired ones, through this function owned by the tables' owner.
CREATE OR REPLACE FUNCTION itda_purge_expired_logs() RETURNS TABLE (audit_deleted bigint, access_deleted bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  a bigint;
  b bigint;
BEGIN
  PERFORM set_config('itda.purging', 'on', true);
  DELETE FROM audit_log WHERE keep_until < now();
  GET DIAGNOSTICS a = ROW_COUNT;
  DELETE FROM access_log WHERE keep_until < now();
  GET DIAGNOSTICS b = ROW_COUNT;
  PERFORM set_config('itda.purging', 'off', true);
  RETURN QUERY SELECT a, b;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION itda_purge_expired_logs() FROM PUBLIC;
--> statement-breakpoint
-- Rights of the application role (server PostgreSQL; see README "Database roles"): everything on the
-- tables except UPDATE, DELETE and TRUNCATE on the two logs; not the owner, so no ALTER TABLE.
-- Called by the migrating owner after every migration run (new tables), and here for an existing itda_app.
CREATE OR REPLACE FUNCTION itda_grant_app_role(app_role name) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, access_log FROM %I', app_role);
  EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
  EXECUTE format('GRANT EXECUTE ON FUNCTION itda_purge_expired_logs() TO %I', app_role);
END;
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'itda_app') AND current_user <> 'itda_app' THEN
    PERFORM itda_grant_app_role('itda_app');
  END IF;
END;
$$;
