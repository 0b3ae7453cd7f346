import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../test/app';
import { rebuildPeerCounts } from './peers';

/** Merging duplicate firms joins their diagnosis timelines without breaking numbering or peer counts. */
const t = setupTestApp({ firms: 200 });

const peerCounts = async () =>
  (
    await t().handle.query<{ k: string; n: number }>(
      `SELECT size_class || ksic_section || metric || score_tenths AS k, n FROM diagnosis_peer_counts
       WHERE n <> 0 ORDER BY 1`,
    )
  ).map((r) => `${r.k}:${r.n}`);

describe('company merge and diagnoses', () => {
  it('moves T0/T1 into one timeline by date, merges drafts, and keeps peer counts exact', async () => {
    const q = t().handle.query.bind(t().handle);
    const [a, b] = await q<{ company_id: string; submitted_at: Date }>(
      `SELECT company_id, submitted_at FROM diagnoses WHERE is_latest AND seq = 0 ORDER BY submitted_at LIMIT 2`,
    );
    const [{ id: instrumentId }] = await q<{ id: string }>(
      `SELECT instrument_id AS id FROM diagnoses WHERE company_id = $1`,
      [a.company_id],
    );
    await q(
      `INSERT INTO diagnoses (company_id, instrument_id, status, answers) VALUES
         ($1, $3, 'draft', '{"s1": 2}'), ($2, $3, 'draft', '{"s1": 4, "s2": 1}')`,
      [a.company_id, b.company_id, instrumentId],
    );

    const mgr = await t().loginAs('manager');
    const res = await mgr.inject({
      method: 'POST',
      url: `/api/companies/${a.company_id}/merge`,
      payload: { fromId: b.company_id, reason: '같은 기업 중복 등록' },
    });
    expect(res.statusCode, res.body).toBe(200);

    expect(await q(`SELECT id FROM diagnoses WHERE company_id = $1`, [b.company_id])).toEqual([]);
    const timeline = await q<{ seq: number; is_latest: boolean; submitted_at: Date }>(
      `SELECT seq, is_latest, submitted_at FROM diagnoses WHERE company_id = $1 AND status = 'submitted'
       ORDER BY submitted_at, id`,
      [a.company_id],
    );
    expect(timeline.map((r) => r.seq)).toEqual(timeline.map((_, i) => i));
    expect(timeline.map((r) => r.is_latest)).toEqual(timeline.map((_, i) => i === timeline.length - 1));
    const drafts = await q<{ answers: Record<string, number> }>(
      `SELECT answers FROM diagnoses WHERE company_id = $1 AND status = 'draft'`,
      [a.company_id],
    );
    // the surviving firm's answer wins; the other draft fills the gaps
    expect(drafts).toEqual([{ answers: { s1: 2, s2: 1 } }]);

    const incremental = await peerCounts();
    await rebuildPeerCounts(t().handle.db);
    expect(incremental).toEqual(await peerCounts());

    const api = (await mgr.inject({ method: 'GET', url: `/api/companies/${a.company_id}/diagnoses` })).json();
    expect(
      api.items
        .filter((i: { status: string }) => i.status === 'submitted')
        .map((i: { label: string }) => i.label),
    ).toEqual(timeline.map((_, i) => `T${i}`));
  });
});
