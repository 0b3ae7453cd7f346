/**
 * Peer benchmark over 100,000 diagnoses: the SQL behind "percentile among firms of the same size class
 * and KSIC section (falling back to size class, then all firms)", timed per call, next to a raw
 * `SELECT count(*)` on the same table as the baseline, both sequential on one connection.
 *   npx tsx bench/diagnosis-peers.ts [diagnoses=100000]     (DATABASE_URL for server PostgreSQL)
 */

import { demoAnswers, demoProfile } from '../src/demo/diagnosis';
import { FIRM_COLUMNS, firmCsvLine, generateFirm } from '../src/demo/firms';
import { rng } from '../src/demo/random';
import type { InstrumentContent } from '../src/server/modules/diagnosis/contract';
import { installDefaults } from '../src/server/modules/diagnosis/instruments';
import { peerBenchmark, rebuildPeerCounts } from '../src/server/modules/diagnosis/peers';
import { scoreDiagnosis } from '../src/server/modules/diagnosis/scoring';
import { systemActor } from '../src/server/platform/actor';
import { ksicSectionOf } from '../src/shared/ksic';
import { benchDatabase, printTable, writeResult } from './lib';

const CHUNK = 10_000;
const q = (v: string) => `"${v.replace(/"/g, '""')}"`;

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeIt(n: number, fn: (i: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return {
    p50: Number(pct(ms, 50).toFixed(2)),
    p99: Number(pct(ms, 99).toFixed(2)),
    mean: ms.reduce((s, x) => s + x, 0) / n,
  };
}

export async function main(total = Number(process.argv[2] ?? 100_000)) {
  const { handle, label } = await benchDatabase();
  try {
    // 80% of the diagnoses are T0 of distinct firms, 20% T1 re-assessments of some of them.
    const firms = Math.round(total * 0.8);
    const t0 = performance.now();
    for (let start = 0; start < firms; start += CHUNK) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(firms, start + CHUNK); i++)
        lines.push(`${firmCsvLine(generateFirm(i))},staff`);
      await handle.copyCsv('companies', [...FIRM_COLUMNS, 'provenance'], lines.join('\n'));
    }
    await installDefaults(handle.db, systemActor('bench'));
    const [inst] = await handle.query<{ id: string; content: InstrumentContent }>(
      'SELECT id, content FROM diagnosis_instruments LIMIT 1',
    );
    const idByBrn = new Map(
      (await handle.query<{ id: string; brn: string }>('SELECT id, brn FROM companies')).map((c) => [
        c.brn,
        c.id,
      ]),
    );
    const cols = [
      'company_id',
      'instrument_id',
      'status',
      'answers',
      'seq',
      'is_latest',
      'overall',
      'stage',
      'dimension_scores',
      'size_class',
      'ksic_section',
      'district',
      'submitted_at',
    ];
    const reassessed = total - firms;
    let lines: string[] = [];
    const flush = async () => {
      if (lines.length) await handle.copyCsv('diagnoses', cols, lines.join('\n'));
      lines = [];
    };
    for (let i = 0; i < firms; i++) {
      const f = generateFirm(i);
      const r = rng(90_001 + i);
      const profile = demoProfile(inst.content, r);
      const level = { small: 39, medium: 45, midsize: 51, large: 56 }[f.sizeClass] + (r.next() - 0.5) * 30;
      const rounds = i < reassessed ? 2 : 1;
      for (let k = 0; k < rounds; k++) {
        const answers = demoAnswers(inst.content, level + k * 10, r, profile);
        const s = scoreDiagnosis(inst.content, answers);
        lines.push(
          [
            idByBrn.get(f.brn),
            inst.id,
            'submitted',
            q(JSON.stringify(answers)),
            k,
            k === rounds - 1,
            s.overall,
            s.stage,
            q(JSON.stringify(s.dimensions)),
            f.sizeClass,
            ksicSectionOf(f.ksicCode) ?? '',
            f.district,
            new Date(Date.UTC(2021, 2, 1) + k * 365 * 86_400_000 + (i % 300) * 86_400_000).toISOString(),
          ].join(','),
        );
      }
      if (lines.length >= CHUNK) await flush();
    }
    await flush();
    await rebuildPeerCounts(handle.db);
    await handle.query('VACUUM ANALYZE diagnoses');
    await handle.query('VACUUM ANALYZE diagnosis_peer_counts');
    const loadS = (performance.now() - t0) / 1000;
    const [{ n }] = await handle.query<{ n: number }>('SELECT count(*)::int AS n FROM diagnoses');

    // Sample of firms (their latest diagnosis), spread over the table.
    const sample = await handle.query<{
      company_id: string;
      size_class: string;
      ksic_section: string;
      overall: number;
      dimension_scores: Record<string, number | null>;
    }>(
      `SELECT company_id, size_class::text, ksic_section, overall, dimension_scores FROM diagnoses
       WHERE is_latest ORDER BY md5(company_id::text) LIMIT 300`,
    );
    const groups: Record<string, number> = {};
    const runs = 300;
    const peer = await timeIt(runs, async (i) => {
      const s = sample[i % sample.length];
      const b = await peerBenchmark(handle.db, {
        companyId: s.company_id,
        sizeClass: s.size_class,
        ksicSection: s.ksic_section,
        overall: s.overall,
        dimensions: s.dimension_scores,
      });
      groups[b.group] = (groups[b.group] ?? 0) + 1;
    });
    const all = await timeIt(100, async (i) => {
      const s = sample[i % sample.length];
      await peerBenchmark(handle.db, {
        companyId: s.company_id,
        sizeClass: null,
        ksicSection: null,
        overall: s.overall,
        dimensions: s.dimension_scores,
      });
    });
    const baseline = await timeIt(runs, () => handle.query('SELECT count(*) FROM diagnoses'));
    const rows = [
      {
        case: `peer benchmark: percentile + medians, overall and 6 dimensions (groups used: ${Object.entries(
          groups,
        )
          .map(([g, c]) => `${g} ${c}`)
          .join(', ')})`,
        'p50 ms': peer.p50,
        'p99 ms': peer.p99,
      },
      {
        case: 'peer benchmark, widest group (all firms, no size class)',
        'p50 ms': all.p50,
        'p99 ms': all.p99,
      },
      {
        case: `baseline: raw SELECT count(*) FROM diagnoses (${n.toLocaleString()} rows)`,
        'p50 ms': baseline.p50,
        'p99 ms': baseline.p99,
      },
    ];
    printTable(
      `Diagnosis peer benchmark over ${n.toLocaleString()} diagnoses (${firms.toLocaleString()} firms) on ${label}; loaded in ${loadS.toFixed(1)} s; sequential, one connection`,
      rows,
    );
    writeResult(`diagnosis-peers-${label}.json`, {
      diagnoses: n,
      firms,
      database: label,
      loadSeconds: loadS,
      groups,
      results: rows,
    });
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
