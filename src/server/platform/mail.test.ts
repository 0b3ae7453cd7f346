import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbHandle, openPg, sqlRows } from '../db/client';
import { freshDatabase, type TestDbHandle } from '../test/db';
import { backoffSeconds, MAIL_MAX_ATTEMPTS, MailSender, smtpTransport } from './mail';
import { outbox } from './schema';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP receiver on 127.0.0.1, port 0; `reject` makes it refuse every message with 451. */
async function smtpReceiver() {
  const received: Received[] = [];
  const state = { reject: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.reject) {
          const err = new Error('451 4.3.0 mailbox temporarily unavailable') as Error & {
            responseCode: number;
          };
          err.responseCode = 451;
          return callback(err);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Decodes a quoted-printable / base64 text body just enough to find a line in it. */
function bodyOf(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head))
    return Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
let handle: TestDbHandle;

beforeAll(async () => {
  smtp = await smtpReceiver();
  handle = await freshDatabase();
}, 60_000);
afterAll(async () => {
  await handle?.close();
  await smtp?.close();
});

const sender = (db = handle.db) =>
  new MailSender(db, { transport: smtpTransport(smtp.url), from: '잇다 <no-reply@itda.test>' });

async function statusOf(id: string) {
  const [r] = await sqlRows<{ status: string; attempts: number; last_error: string | null; due: boolean }>(
    handle.db,
    sql`SELECT status, attempts, last_error, next_attempt_at <= now() AS due FROM outbox WHERE id = ${id}`,
  );
  return r;
}

describe('mail sender (SMTP)', () => {
  it('delivers a queued row over SMTP and marks it sent', async () => {
    const [row] = await handle.db
      .insert(outbox)
      .values({
        to: 'kim@sender.example.kr',
        subject: '[잇다] 신청 접수 완료 — 2021-DXC-0001',
        body: '접수번호: 2021-DXC-0001',
      })
      .returning();
    expect(row.status).toBe('queued');
    const s = sender();
    await s.drain();
    await s.stop();
    expect(await statusOf(row.id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    const mail = smtp.received.find((m) => m.to.includes('kim@sender.example.kr'));
    expect(mail).toBeDefined();
    expect(mail!.from).toBe('no-reply@itda.test');
    expect(bodyOf(mail!.raw)).toContain('접수번호: 2021-DXC-0001');
  });

  it('a refusing server: the row is retried later with the error, and fails after the last attempt', async () => {
    smtp.state.reject = true;
    const [row] = await handle.db
      .insert(outbox)
      .values({ to: 'retry@sender.example.kr', subject: '재시도', body: '본문' })
      .returning();
    const s = sender();
    try {
      await s.tick();
      const after1 = await statusOf(row.id);
      expect(after1).toMatchObject({ status: 'queued', attempts: 1, due: false });
      expect(after1.last_error).toMatch(/451/);
      // Not due yet: another tick leaves it alone.
      await s.tick();
      expect((await statusOf(row.id)).attempts).toBe(1);
      for (let i = 2; i <= MAIL_MAX_ATTEMPTS; i++) {
        await handle.db.execute(sql`UPDATE outbox SET next_attempt_at = now() WHERE id = ${row.id}`);
        await s.tick();
      }
      expect(await statusOf(row.id)).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS });
      await handle.db.execute(sql`UPDATE outbox SET next_attempt_at = now() WHERE id = ${row.id}`);
      expect(await s.tick()).toBe(0);
      // The server accepts again: a failed row stays failed until someone retries it.
      smtp.state.reject = false;
      await s.drain();
      expect((await statusOf(row.id)).status).toBe('failed');
      expect(smtp.received.some((m) => m.to.includes('retry@sender.example.kr'))).toBe(false);
    } finally {
      smtp.state.reject = false;
      await s.stop();
    }
  });

  it('backs off 1, 2, 4 … minutes, at most an hour', () => {
    expect([1, 2, 3, 4, 10].map(backoffSeconds)).toEqual([60, 120, 240, 480, 3600]);
  });

  it('a row claimed by a sender that died is sent again after the claim expires', async () => {
    const [row] = await handle.db
      .insert(outbox)
      .values({ to: 'crash@sender.example.kr', subject: '중단', body: '본문' })
      .returning();
    await handle.db.execute(
      sql`UPDATE outbox SET status = 'sending', attempts = 1, claimed_until = now() + interval '5 minutes' WHERE id = ${row.id}`,
    );
    const s = sender();
    await s.drain();
    expect((await statusOf(row.id)).status).toBe('sending');
    await handle.db.execute(
      sql`UPDATE outbox SET claimed_until = now() - interval '1 second' WHERE id = ${row.id}`,
    );
    await s.drain();
    await s.stop();
    expect(await statusOf(row.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

const serverPg = !!process.env.DATABASE_URL;
if (!serverPg)
  console.log(
    'skipped: two senders on one database need server PostgreSQL (DATABASE_URL) — PGlite runs one statement at a time',
  );

describe.skipIf(!serverPg)('two senders on one PostgreSQL database', () => {
  it('never send one row twice', async () => {
    const N = 300;
    await handle.db.execute(sql`
      INSERT INTO outbox ("to", subject, body)
      SELECT 'twice-' || g || '@sender.example.kr', 'row ' || g, 'body ' || g FROM generate_series(1, ${N}) g`);
    const second: DbHandle = await openPg(handle.url!, 10);
    try {
      const a = new MailSender(handle.db, {
        transport: smtpTransport(smtp.url),
        from: 'a@itda.test',
        batch: 5,
      });
      const b = new MailSender(second.db, {
        transport: smtpTransport(smtp.url),
        from: 'b@itda.test',
        batch: 5,
      });
      const c = new MailSender(handle.db, {
        transport: smtpTransport(smtp.url),
        from: 'c@itda.test',
        batch: 5,
      });
      await Promise.all([a.drain(), b.drain(), c.drain()]);
      await Promise.all([a.stop(), b.stop(), c.stop()]);
    } finally {
      await second.close();
    }
    const got = smtp.received.filter((m) => m.to[0]?.startsWith('twice-'));
    const perAddress = new Map<string, number>();
    for (const m of got) perAddress.set(m.to[0], (perAddress.get(m.to[0]) ?? 0) + 1);
    expect(perAddress.size).toBe(N);
    expect([...perAddress.values()].filter((n) => n > 1)).toEqual([]);
    // Each sender took part (the rows were shared, not all taken by one).
    const senders = new Set(got.map((m) => m.from));
    expect(senders.size).toBeGreaterThan(1);
    const [{ sent }] = await sqlRows<{ sent: number }>(
      handle.db,
      sql`SELECT count(*)::int AS sent FROM outbox WHERE "to" LIKE 'twice-%' AND status = 'sent' AND attempts = 1`,
    );
    expect(sent).toBe(N);
  }, 120_000);
});
