/**
 * `npm run bench`: every benchmark, each with its baseline measured in the same run.
 * On embedded PGlite by default; set DATABASE_URL for server PostgreSQL (the deadline rush needs it).
 *   BENCH_IMPORT_ROWS (default 1,000,000 on PostgreSQL, 100,000 on PGlite), BENCH_FIRMS (default 20,000),
 *   BENCH_DIAGNOSES (default 100,000), BENCH_EXPORT_FIRMS (default 26,000: the heavy-inputs export size)
 */
import { main as deadlineRush } from './deadline-rush';
import { main as diagnosisPeers } from './diagnosis-peers';
import { main as heavyInputs } from './heavy-inputs';
import { main as importBench } from './import';
import { main as search } from './search';

const onPg = !!process.env.DATABASE_URL;
const firms = Number(process.env.BENCH_FIRMS ?? 20_000);
const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? (onPg ? 1_000_000 : 100_000));

console.log(`itda benchmarks on ${onPg ? 'server PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}`);
await search(firms);
await importBench(importRows);
await diagnosisPeers(Number(process.env.BENCH_DIAGNOSES ?? 100_000));
await heavyInputs(Number(process.env.BENCH_EXPORT_FIRMS ?? 26_000));
if (onPg) await deadlineRush(200, 2000);
else console.log('\ndeadline rush: skipped (needs server PostgreSQL: set DATABASE_URL)');
