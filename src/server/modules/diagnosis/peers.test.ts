import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../../shared/brn';
import { companyNameKey } from '../../../shared/text';
import type { DbHandle } from '../../db/client';
import { systemActor } from '../../platform/actor';
import { freshDatabase } from '../../test/db';
import { installDefaults } from './instruments';
import { describePeers, peerBenchmark, percentileRank, rebuildPeerCounts } from './peers';

/**
 * Peer benchmark on a controlled population: the group falls back from size class + KSIC section to
 * size class to all firms when fewer than 30 peers; only each firm's latest diagnosis counts; the firm
 * itself is never its own peer.
 */
let h: DbHandle;
let instrumentId: string;
let seq = 0;

async function firm(): Promise<string> {
  const n = ++seq;
  const name = `피어시험기업${n}`;
  const [row] = await h.query<{ id: string }>(
    `INSERT INTO companies (brn, name, name_key, provenance) VALUES ($1, $2, $3, 'staff') RETURNING id`,
    [withCheckDigit(String(777_000_000 + n)), name, companyNameKey(name)],
  );
  return row.id;
}

async function diagnosis(
  companyId: string,
  p: {
    overall: number;
    dims: Record<string, number | null>;
    size: string | null;
    section: string | null;
    latest?: boolean;
    seq?: number;
  },
) {
  await h.query(
    `INSERT INTO diagnoses (company_id, instrument_id, status, seq, is_latest, overall, stage, dimension_scores, size_class, ksic_section, submitted_at)
     VALUES ($1, $2, 'submitted', $3, $4, $5, 1, $6::jsonb, $7, $8, now())`,
    [
      companyId,
      instrumentId,
      p.seq ?? 0,
      p.latest ?? true,
      p.overall,
      JSON.stringify(p.dims),
      p.size,
      p.section,
    ],
  );
}

let target: string;
const peers: string[] = [];

beforeAll(async () => {
  h = await freshDatabase();
  await installDefaults(h.db, systemActor('test'));
  [{ id: instrumentId }] = await h.query<{ id: string }>('SELECT id FROM diagnosis_instruments');
  target = await firm();
  // the target's own latest diagnosis (must never count as a peer)
  await diagnosis(target, { overall: 50, dims: { a: 50, b: null }, size: 'small', section: 'C' });
  for (let i = 1; i <= 40; i++) {
    const id = await firm();
    peers.push(id);
    // an older diagnosis of the same firm with a very different score: not the latest, ignored
    if (i <= 5)
      await diagnosis(id, {
        overall: 99,
        dims: { a: 99, b: 99 },
        size: 'small',
        section: 'C',
        latest: false,
      });
    await diagnosis(id, {
      overall: i,
      dims: { a: i, ...(i <= 30 ? { b: i } : {}) },
      size: 'small',
      section: 'C',
      seq: i <= 5 ? 1 : 0,
    });
  }
  await rebuildPeerCounts(h.db);
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const input = (overall: number, extra: Partial<Parameters<typeof peerBenchmark>[1]> = {}) => ({
  companyId: target,
  sizeClass: 'small',
  ksicSection: 'C',
  overall,
  dimensions: { a: 50, b: null },
  ...extra,
});

describe('percentile rank', () => {
  it('counts peers below plus half the ties, 0–100', () => {
    expect(percentileRank(0, 0, 10)).toBe(0);
    expect(percentileRank(10, 0, 10)).toBe(100);
    expect(percentileRank(4, 2, 10)).toBe(50);
    expect(percentileRank(0, 0, 0)).toBeNull();
  });
});

describe('peer benchmark in SQL', () => {
  it('uses same size class and KSIC section when there are at least 30 peers (latest only, self excluded)', async () => {
    const b = await peerBenchmark(h.db, input(50));
    expect(b).toMatchObject({ group: 'sizeSection', n: 40, sizeClass: 'small', ksicSection: 'C' });
    expect(b.overallPercentile).toBe(100);
    expect(b.overallMedian).toBe(20.5);
    expect(b.dimensions.a).toEqual({ n: 40, median: 20.5, percentile: 100 });
    // a dimension the firm did not score has no percentile; peers without the key are not counted
    expect(b.dimensions.b).toEqual({ n: 30, median: 15.5, percentile: null });
    const mid = await peerBenchmark(h.db, input(20, { dimensions: { a: 10.5 } }));
    expect(mid.overallPercentile).toBe(49); // 19 below + half of 1 tie, of 40
    expect(mid.dimensions.a.percentile).toBe(25);
    expect(describePeers(b).ko).toBe('같은 규모·업종(소기업, C 제조업) 기업 40곳과 비교했습니다.');
  });

  it('falls back to the size class when fewer than 30 peers share the section', async () => {
    await h.query(`UPDATE diagnoses SET ksic_section = 'G' WHERE company_id = ANY($1::uuid[])`, [
      peers.slice(0, 15),
    ]);
    await rebuildPeerCounts(h.db);
    const b = await peerBenchmark(h.db, input(50));
    expect(b).toMatchObject({ group: 'size', n: 40, sizeClass: 'small', ksicSection: null });
    expect(describePeers(b).ko).toContain('같은 규모(소기업) 기업 40곳');
  });

  it('falls back to all firms when fewer than 30 peers share the size class, or the size is unknown', async () => {
    await h.query(`UPDATE diagnoses SET size_class = 'medium' WHERE company_id = ANY($1::uuid[])`, [
      peers.slice(0, 15),
    ]);
    await rebuildPeerCounts(h.db);
    const b = await peerBenchmark(h.db, input(50));
    expect(b).toMatchObject({ group: 'all', n: 40, sizeClass: null, ksicSection: null });
    expect(describePeers(b).en).toContain('all 40 firms');
    const unknown = await peerBenchmark(h.db, input(50, { sizeClass: null, ksicSection: null }));
    expect(unknown).toMatchObject({ group: 'all', n: 40 });
    // medium firms: 15 peers only → all firms (the target's own row counts for others, not for itself)
    const medium = await peerBenchmark(h.db, {
      ...input(50),
      companyId: peers[0],
      sizeClass: 'medium',
      ksicSection: 'G',
    });
    expect(medium).toMatchObject({ group: 'all', n: 40 });
  });

  it('with no other firm there is nothing to compare', async () => {
    const empty = await freshDatabase();
    try {
      await installDefaults(empty.db, systemActor('test'));
      const b = await peerBenchmark(empty.db, input(50));
      expect(b).toMatchObject({ group: 'all', n: 0, overallPercentile: null, overallMedian: null });
      expect(describePeers(b).ko).toContain('아직 비교할');
    } finally {
      await empty.close();
    }
  });
});
