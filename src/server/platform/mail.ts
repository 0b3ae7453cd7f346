import { type SQL, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { type Database, sqlRows } from '../db/client';

/**
 * The mail sender: delivers the `outbox` over SMTP (SMTP_URL). Each app instance runs one loop that
 * claims due rows with FOR UPDATE SKIP LOCKED and marks them `sending` with a claim deadline, so two
 * instances never send the same row; a row whose sender died is due again after the claim expires.
 * A failed attempt goes back to `queued` with a later next_attempt_at (backoff) and the error; after
 * MAIL_MAX_ATTEMPTS attempts the row is `failed` (staff may retry it on the 발송함 page).
 * Without SMTP_URL no loop runs and mail stays `queued` in the outbox.
 */
export const MAIL_MAX_ATTEMPTS = 5;
/** how long a sender holds a claimed row */
const CLAIM_SECONDS = 300;

export type MailDelivery = 'smtp' | 'outbox';
export const mailDelivery = (config: { smtpUrl?: string }): MailDelivery =>
  config.smtpUrl ? 'smtp' : 'outbox';

/** The site address for links in mail: PUBLIC_URL, never the request's Host header; else localhost:PORT. */
export const mailOrigin = (config: { publicUrl?: string; port: number }) =>
  config.publicUrl ?? `http://localhost:${config.port}`;

/** A link with a secret token in mail, e.g. `${origin}/password-reset/<token>`. */
export const tokenLink = (origin: string, path: string, token: string) =>
  `${origin}${path}/${encodeURIComponent(token)}`;

/** Seconds to wait after the given number of failed attempts: 1, 2, 4, 8 … minutes, at most 1 hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 60 * 2 ** Math.max(0, attempts - 1));
}

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close?(): void;
}

export function smtpTransport(url: string): MailTransport {
  const t = nodemailer.createTransport(url);
  return {
    async send(m) {
      await t.sendMail({ from: m.from, to: m.to, subject: m.subject, text: m.text });
    },
    close: () => t.close(),
  };
}

/** An error text for last_error: SMTP reply or error message, never longer than 500 characters. */
function errorText(e: unknown): string {
  const err = e as { response?: string; message?: string; code?: string };
  const text = err.response ?? err.message ?? String(e);
  return (err.code && !text.includes(err.code) ? `${err.code}: ${text}` : text).slice(0, 500);
}

interface Claimed {
  id: string;
  to: string;
  subject: string;
  body: string;
  attempts: number;
}

export class MailSender {
  private timer?: NodeJS.Timeout;
  private stopped = true;
  private busy?: Promise<unknown>;

  constructor(
    private db: Database,
    private opts: {
      transport: MailTransport;
      from: string;
      pollMs?: number;
      batch?: number;
      maxAttempts?: number;
      log?: (msg: string, err?: unknown) => void;
    },
  ) {}

  start() {
    this.stopped = false;
    this.schedule(0);
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.busy?.catch(() => undefined);
    this.opts.transport.close?.();
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.busy = this.tick()
        .catch((e) => this.opts.log?.('mail tick failed', e))
        .finally(() => {
          if (!this.stopped) this.schedule(this.opts.pollMs ?? 5000);
        });
    }, ms);
    this.timer.unref();
  }

  /** Claims up to `batch` due rows and sends them; returns how many were claimed. */
  async tick(): Promise<number> {
    const rows = await sqlRows<Claimed>(
      this.db,
      sql`
      UPDATE outbox SET status = 'sending', attempts = attempts + 1,
        claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS})
      WHERE id IN (
        SELECT id FROM outbox
        WHERE (status = 'queued' OR (status = 'sending' AND claimed_until < now()))
          AND next_attempt_at <= now()
        ORDER BY next_attempt_at, created_at
        LIMIT ${this.opts.batch ?? 10}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, "to", subject, body, attempts`,
    );
    for (const row of rows) await this.deliver(row);
    return rows.length;
  }

  private async deliver(row: Claimed) {
    try {
      await this.opts.transport.send({
        from: this.opts.from,
        to: row.to,
        subject: row.subject,
        text: row.body,
      });
    } catch (e) {
      const max = this.opts.maxAttempts ?? MAIL_MAX_ATTEMPTS;
      this.opts.log?.(`mail ${row.id} attempt ${row.attempts} failed`, errorText(e));
      await this.db.execute(sql`
        UPDATE outbox SET
          status = CASE WHEN attempts >= ${max} THEN 'failed' ELSE 'queued' END,
          next_attempt_at = now() + make_interval(secs => ${backoffSeconds(row.attempts)}),
          claimed_until = NULL, last_error = ${errorText(e)}
        WHERE id = ${row.id} AND status = 'sending'`);
      return;
    }
    await this.db.execute(sql`
      UPDATE outbox SET status = 'sent', sent_at = now(), claimed_until = NULL, last_error = NULL
      WHERE id = ${row.id} AND status = 'sending'`);
  }

  /** Sends until nothing is due (tests). */
  async drain(): Promise<void> {
    for (let i = 0; i < 1000; i++) if ((await this.tick()) === 0) return;
  }
}

/**
 * Queues mail from inside a larger statement (a data-modifying CTE): one outbox row per row of `from`
 * (with its WHERE), e.g. a receipt mail that needs the receipt number the same statement issues.
 */
export function outboxInsertSql(m: { to: SQL; subject: SQL; body: SQL; from: SQL }): SQL {
  return sql`INSERT INTO outbox ("to", subject, body) SELECT ${m.to}, ${m.subject}, ${m.body} FROM ${m.from}`;
}
