// Makes sure Debian's Chromium (and Korean fonts) are there for the browser tests; run by `npm test`.
// Silent when /usr/bin/chromium exists. Otherwise installs it with apt-get when running as root;
// on any failure prints one line and exits 0: the e2e tests then skip, `npm test` never fails here.
// ITDA_SKIP_BROWSER_INSTALL=1 skips the install attempt; CHROMIUM_PATH points elsewhere.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'; // as in e2e/harness.ts
// poppler-utils: pdftotext, with which tests read the generated PDF reports
const PACKAGES = ['chromium', 'fonts-noto-cjk', 'poppler-utils'];
const hasPdftotext = () => spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

function skip(reason) {
  console.log(`browser tests will be skipped: ${reason}`);
  process.exit(0);
}

if (existsSync(CHROMIUM) && hasPdftotext()) process.exit(0);
if (process.env.ITDA_SKIP_BROWSER_INSTALL === '1')
  skip(`${CHROMIUM} not found (ITDA_SKIP_BROWSER_INSTALL=1)`);
if (process.platform !== 'linux') skip(`${CHROMIUM} not found and automatic install needs Debian/Ubuntu`);
if (typeof process.getuid !== 'function' || process.getuid() !== 0)
  skip(`${CHROMIUM} not found; install it with: sudo apt-get install -y ${PACKAGES.join(' ')}`);
if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0)
  skip(`${CHROMIUM} not found and apt-get is not available`);

console.log(`installing ${PACKAGES.join(' ')} for the browser tests (apt-get)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
if (!run(['update'])) skip('apt-get update failed');
if (!run(['install', '-y', ...PACKAGES])) skip(`apt-get install ${PACKAGES.join(' ')} failed`);
if (!existsSync(CHROMIUM)) skip(`apt-get installed chromium but ${CHROMIUM} is still missing`);
