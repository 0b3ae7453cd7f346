// Sums Vitest JSON reports (--reporter=json) into one line: "N passed, N failed, N skipped".
// Usage: node scripts/ci-summary.mjs [--steps-failed N] report.json [expected-but-missing.json …]
// Exits 1 when a test failed, a suite failed to load, a report is missing or unreadable, or
// --steps-failed is above 0 (lint, typecheck, build …); prints the details first, the line last.
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
let stepsFailed = 0;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--steps-failed') stepsFailed = Number(args[++i]) || 0;
  else files.push(args[i]);
}

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = 0;
for (const file of files) {
  if (!existsSync(file)) {
    console.log(`ci-summary: ${file} is missing (the run crashed before reporting)`);
    broken++;
    continue;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`ci-summary: ${file} is not valid JSON (${e.message})`);
    broken++;
    continue;
  }
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const suite of report.testResults ?? []) {
    const tests = suite.assertionResults ?? [];
    for (const t of tests) {
      if (t.status === 'failed') console.log(`FAILED ${file}: ${suite.name} > ${t.fullName ?? t.title}`);
    }
    // a file that failed without a failing test did not load or crashed in a hook: count it as one failure
    if (suite.status === 'failed' && !tests.some((t) => t.status === 'failed')) {
      console.log(`FAILED ${file}: ${suite.name}: ${(suite.message ?? 'suite failed').split('\n')[0]}`);
      failed++;
    }
  }
  if (
    report.success === false &&
    (report.numFailedTests ?? 0) === 0 &&
    (report.numFailedTestSuites ?? 0) === 0
  ) {
    console.log(`FAILED ${file}: the run reported errors outside tests (unhandled errors?)`);
    broken++;
  }
}

failed += broken;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || stepsFailed > 0 ? 1 : 0);
