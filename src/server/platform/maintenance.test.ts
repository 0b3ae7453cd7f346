import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { freshDatabase } from '../test/db';
import { saveUpload } from './files';
import { runMaintenance } from './maintenance';

let h: DbHandle;
beforeAll(async () => {
  h = await freshDatabase();
});
afterAll(async () => {
  await h.close();
});

describe('maintenance (retention)', () => {
  it('removes expired sessions and login attempts older than a year, keeps the rest', async () => {
    const [u] = await h.query<{ id: string }>(
      "INSERT INTO users (email, name, role, password_hash) VALUES ('m@x.kr', 'm', 'sme', 'x') RETURNING id",
    );
    await h.query(
      `INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES
        ('old', $1, 'c', now() - interval '1 minute'), ('live', $1, 'c', now() + interval '1 hour')`,
      [u.id],
    );
    await h.query(
      `INSERT INTO login_attempts (email, ok, at) VALUES ('m@x.kr', false, now() - interval '400 days'), ('m@x.kr', true, now())`,
    );
    await runMaintenance(h.db);
    expect((await h.query<{ id: string }>('SELECT id FROM sessions')).map((r) => r.id)).toEqual(['live']);
    expect(await h.query('SELECT ok FROM login_attempts')).toEqual([{ ok: true }]);
  });

  it('deletes uploaded member lists (personal data) after 30 days, rows and bytes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'itda-maint-'));
    const store = { kind: 'local', dataDir } as const;
    const csv = Buffer.from('사업자등록번호,기업명\n1234567890,잇다\n');
    const old = await saveUpload(h.db, store, { buffer: csv, filename: 'old.csv', purpose: 'import' });
    const fresh = await saveUpload(h.db, store, { buffer: csv, filename: 'new.csv', purpose: 'import' });
    await h.query(`UPDATE files SET created_at = now() - interval '31 days' WHERE id = $1`, [old.id]);
    await runMaintenance(h.db, { files: store });
    const left = await h.query<{ id: string }>(`SELECT id FROM files WHERE purpose = 'import'`);
    expect(left.map((r) => r.id)).toEqual([fresh.id]);
    expect(existsSync(join(dataDir, 'files', old.storageKey))).toBe(false);
    expect(existsSync(join(dataDir, 'files', fresh.storageKey))).toBe(true);
  });
});
