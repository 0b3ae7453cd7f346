import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAnswers, demoProfile } from '../../../demo/diagnosis';
import { loadDemoWorld } from '../../../demo/load';
import { rng } from '../../../demo/random';
import { type DbHandle, openPg } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { freshDatabase, type TestDbHandle } from '../../test/db';
import type { InstrumentContent } from './contract';
import { rebuildPeerCounts } from './peers';
import { saveAnswers, startDiagnosis, submitDiagnosis } from './service';

/**
 * Two "app instances" (two pg pools on one database) start and submit the same firms' diagnoses at the
 * same moment: one draft per firm, one T-number per submit, one latest diagnosis per firm, and peer
 * histograms equal to a rebuild. Only server PostgreSQL shows races (PGlite runs one statement at a time).
 */
const serverPg = !!process.env.DATABASE_URL;
const FIRMS = 40;

let a: TestDbHandle;
let b: DbHandle;
let firms: { id: string; hasT0: boolean }[] = [];

const sme = (companyId: string): Actor => ({
  userId: randomUUID(),
  role: 'sme',
  companyIds: [companyId],
  associationIds: [],
  ip: '127.0.0.1',
  requestId: `race-${companyId.slice(0, 8)}`,
});

describe.skipIf(!serverPg)('diagnosis concurrency on server PostgreSQL', () => {
  beforeAll(async () => {
    a = await freshDatabase();
    await loadDemoWorld(a, { firms: 300 });
    b = await openPg(a.url!, 20);
    // half the firms have a demo T0 already, half have none
    const withT0 = await a.query<{ id: string }>(
      `SELECT company_id AS id FROM diagnoses WHERE is_latest AND seq = 0 ORDER BY company_id LIMIT ${FIRMS / 2}`,
    );
    const without = await a.query<{ id: string }>(
      `SELECT id FROM companies WHERE id NOT IN (SELECT company_id FROM diagnoses) ORDER BY id LIMIT ${FIRMS / 2}`,
    );
    firms = [
      ...withT0.map((r) => ({ id: r.id, hasT0: true })),
      ...without.map((r) => ({ id: r.id, hasT0: false })),
    ];
  }, 180_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('double starts give one draft; double submits give one result; histograms stay exact', async () => {
    const starts = await Promise.all(
      firms.flatMap((f) =>
        [a, b].map((h) => startDiagnosis({ db: h.db, actor: sme(f.id), companyId: f.id })),
      ),
    );
    for (let i = 0; i < firms.length; i++) {
      const pair = [starts[2 * i], starts[2 * i + 1]];
      expect(pair.filter((p) => p.created)).toHaveLength(1);
      expect(pair[0].diagnosis.id).toBe(pair[1].diagnosis.id);
    }
    const drafts = firms.map((_, i) => starts[2 * i].diagnosis);
    await Promise.all(
      drafts.map((d, i) => {
        const r = rng(i + 1);
        const content = d.instrument as InstrumentContent;
        return saveAnswers({
          db: (i % 2 ? a : b).db,
          actor: sme(d.companyId),
          id: d.id,
          answers: demoAnswers(content, 20 + i * 1.5, r, demoProfile(content, r)),
        });
      }),
    );
    const submits = await Promise.all(
      drafts.flatMap((d) =>
        [a, b].map((h) => submitDiagnosis({ db: h.db, actor: sme(d.companyId), id: d.id })),
      ),
    );
    for (let i = 0; i < firms.length; i++) {
      const [x, y] = [submits[2 * i], submits[2 * i + 1]];
      expect(x.submittedAt).toBe(y.submittedAt);
      expect(x.result!.overall).toBe(y.result!.overall);
      expect(x.seq).toBe(firms[i].hasT0 ? 1 : 0);
    }
    const [check] = await a.query<{ bad_latest: number; bad_seq: number; drafts: number }>(
      `SELECT
         (SELECT count(*)::int FROM (SELECT company_id FROM diagnoses WHERE status = 'submitted'
            GROUP BY company_id HAVING count(*) FILTER (WHERE is_latest) <> 1) x) AS bad_latest,
         (SELECT count(*)::int FROM (SELECT company_id FROM diagnoses WHERE status = 'submitted'
            GROUP BY company_id HAVING max(seq) + 1 <> count(*)) y) AS bad_seq,
         (SELECT count(*)::int FROM diagnoses WHERE status = 'draft') AS drafts`,
    );
    expect(check).toEqual({ bad_latest: 0, bad_seq: 0, drafts: 0 });
    const snapshot = () =>
      a.query(
        `SELECT size_class, ksic_section, metric, score_tenths, n FROM diagnosis_peer_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4`,
      );
    const incremental = await snapshot();
    await rebuildPeerCounts(a.db);
    expect(await snapshot()).toEqual(incremental);
  });
});
