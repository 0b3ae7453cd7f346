import { withCheckDigit } from '../../shared/brn';
import type { DbHandle } from '../db/client';
import { createSession, SESSION_COOKIE } from '../platform/auth/sessions';

export interface Draft {
  appId: string;
  cookie: string;
  csrf: string;
}

/**
 * `n` eligible Seoul SMEs for the deadline tests and the rush benchmark, each with an owner, a session
 * and a complete draft with its required document, made in bulk SQL. Sessions go straight into the
 * table: hundreds of argon2 logins would take longer than the rush itself.
 */
export async function prepareDrafts(
  h: DbHandle,
  callId: string,
  n: number,
  opts: { brnPrefix: string; label: string; emailDomain: string; sessionConcurrency?: number },
): Promise<Draft[]> {
  const [form] = await h.query<{ id: string }>(
    'SELECT id FROM call_forms WHERE call_id = $1 ORDER BY version DESC LIMIT 1',
    [callId],
  );
  const idx = Array.from({ length: n }, (_, i) => i);
  const digits = 9 - opts.brnPrefix.length;
  const answers = {
    contactName: '김대표',
    contactPhone: '010-1234-5678',
    area: 'process',
    problem: `${opts.label} — 마감 직전 접수`,
    budget: 30_000_000,
  };
  const rows = await h.query<{ app_id: string; user_id: string }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t(brn, name, email, i)),
     co AS (
       INSERT INTO companies (brn, name, name_key, size_class, district, provenance)
       SELECT brn, name, name, 'small', 'gangnam', 'signup' FROM input RETURNING id, brn),
     us AS (
       INSERT INTO users (email, name, password_hash, role)
       SELECT email, name, 'no-login', 'sme' FROM input RETURNING id, email),
     pair AS (
       SELECT co.id AS company_id, us.id AS user_id, input.i
       FROM input JOIN co USING (brn) JOIN us USING (email)),
     cm AS (
       INSERT INTO company_members (company_id, user_id, role, status)
       SELECT company_id, user_id, 'owner', 'active' FROM pair),
     ap AS (
       INSERT INTO applications (call_id, company_id, form_id, answers, created_by)
       SELECT $4, company_id, $5, $6::jsonb, user_id FROM pair RETURNING id, company_id)
     SELECT ap.id AS app_id, pair.user_id FROM ap JOIN pair USING (company_id) ORDER BY pair.i`,
    [
      idx.map((i) => withCheckDigit(`${opts.brnPrefix}${String(i).padStart(digits, '0')}`)),
      idx.map((i) => `${opts.label}${i}`),
      idx.map((i) => `rush${i}@${opts.emailDomain}`),
      callId,
      form.id,
      JSON.stringify(answers),
    ],
  );
  if (rows.length !== n) throw new Error(`prepared ${rows.length} of ${n} drafts`);
  const [file] = await h.query<{ id: string }>(
    `INSERT INTO files (purpose, original_name, mime, size, sha256, storage_key)
     VALUES ('application', 'cert.pdf', 'application/pdf', 10, 'x', $1) RETURNING id`,
    [`${opts.brnPrefix.slice(-1)}`.repeat(32).replace(/[^0-9a-f]/g, 'a')],
  );
  await h.query(
    `INSERT INTO application_files (application_id, field_key, file_id) SELECT unnest($1::uuid[]), 'bizCert', $2`,
    [rows.map((r) => r.app_id), file.id],
  );
  const drafts: Draft[] = new Array(n);
  const limit = opts.sessionConcurrency ?? 20;
  for (let start = 0; start < n; start += limit) {
    await Promise.all(
      rows.slice(start, start + limit).map(async (r, k) => {
        const s = await createSession(h.db, { id: r.user_id, role: 'sme' }, { ip: '127.0.0.1' });
        drafts[start + k] = { appId: r.app_id, cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken };
      }),
    );
  }
  return drafts;
}
