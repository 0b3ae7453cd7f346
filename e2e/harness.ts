import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadDemoWorld } from '../src/demo/load';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { DbHandle } from '../src/server/db/client';
import { installModules } from '../src/server/modules';
import { JobRunner } from '../src/server/platform/jobs';
import { webRoot } from '../src/server/platform/web';
import { freshDatabase } from '../src/server/test/db';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or undefined when they can. */
export function browserSkipReason(): string | undefined {
  if (!existsSync(CHROMIUM))
    return `Chromium not found at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)`;
  if (!webRoot()) return 'dist/web is missing: run `npm run build` first';
  return undefined;
}

export interface E2E {
  baseUrl: string;
  browser: Browser;
  handle: DbHandle;
  jobs: JobRunner;
  /** a fresh context (cookies) and page, Korean locale, desktop or mobile viewport */
  page(opts?: { mobile?: boolean; locale?: string }): Promise<Page>;
  /** a PNG in .e2e-artifacts/ (whole page by default; `fullPage: false` for what the screen shows) */
  screenshot(page: Page, name: string, opts?: { fullPage?: boolean }): Promise<void>;
}

/**
 * Starts the real app (built web app served by Fastify) on a fresh database with the demo world,
 * listening on 127.0.0.1 with a random port, and a headless Debian Chromium.
 */
export function setupE2E(opts: { firms?: number } = {}) {
  let e2e: E2E | undefined;
  const contexts: BrowserContext[] = [];
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (browserSkipReason()) return;
    const handle = await freshDatabase();
    await loadDemoWorld(handle, { firms: opts.firms ?? 2000 });
    const dataDir = mkdtempSync(join(tmpdir(), 'itda-e2e-'));
    const config = loadConfig({
      ...process.env,
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      SESSION_SECRET: 'e'.repeat(40),
    });
    const modules = installModules();
    const jobs = new JobRunner(handle.db, { pollMs: 200 });
    modules.registerJobs(jobs, { handle, config });
    const app = await buildApp({ config, handle, jobs, modules, serveWeb: true, rateLimitPerMinute: 0 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    jobs.start();
    const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const shots = join(process.cwd(), '.e2e-artifacts');
    mkdirSync(shots, { recursive: true });
    e2e = {
      baseUrl,
      browser,
      handle,
      jobs,
      async page({ mobile = false, locale = 'ko-KR' } = {}) {
        const ctx = await browser.newContext({
          baseURL: baseUrl,
          locale,
          timezoneId: 'Asia/Seoul',
          viewport: mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
          ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
        });
        contexts.push(ctx);
        const page = await ctx.newPage();
        // Uncaught errors in the page are collected and fail the next expectAxeClean (thrown from
        // an event listener they would surface as an unrelated unhandled rejection instead).
        const errors: Error[] = [];
        pageErrors.set(page, errors);
        page.on('pageerror', (err) => errors.push(err));
        return page;
      },
      async screenshot(page, name, { fullPage = true } = {}) {
        await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
      },
    };
    close = async () => {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await app.close();
      await jobs.stop();
      await handle.close();
    };
  }, 300_000);
  afterAll(async () => {
    await close?.();
  });
  return () => e2e!;
}

const pageErrors = new WeakMap<Page, Error[]>();

/** Uncaught errors thrown in the page so far (cleared by reading). */
export function takePageErrors(page: Page): Error[] {
  const list = pageErrors.get(page) ?? [];
  return list.splice(0, list.length);
}

/**
 * Asserts axe finds no violations on the current page (WCAG 2.x A/AA rules), and that the page threw no
 * uncaught error since the last check. Waits for the page to settle first (no "불러오는 중" spinner).
 */
export async function expectAxeClean(page: Page, label: string) {
  await settled(page);
  expect(
    takePageErrors(page).map((e) => e.message),
    `uncaught errors on ${label}`,
  ).toEqual([]);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} [${v.impact}] (${v.nodes.length}): ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`)
        .join(' | ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Signs in through the real sign-in page. */
export async function signIn(page: Page, email: string, password = 'itda-demo-2021!') {
  await page.goto('/login');
  // labels of required fields end with a screen-reader-only "필수"/"required"
  await page.getByLabel(/^(이메일|Email)/).fill(email);
  await page.getByLabel(/^(비밀번호|Password)/).fill(password);
  await page.getByRole('button', { name: /^로그인$|^Sign in$/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * Follows a link of the main navigation; a staff page in a group (기업 관리, 운영 관리) is reached by
 * opening its group first, as a person would.
 */
export async function navTo(page: Page, name: string) {
  // a page that mounts moves focus to its h1, which closes an open group: let it arrive first
  await settled(page);
  const nav = page.getByRole('navigation', { name: /^(주 메뉴|Main menu)$/ });
  const link = nav.getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) {
    const group = nav
      .locator('li.app-gnb__group')
      .filter({ has: page.locator('a.app-gnb__sublink', { hasText: name }) });
    await group.getByRole('button').click();
  }
  await link.click();
}

/** Waits until the page shows its h1, no loading spinner (<Loading>, .app-loading) and no running CSS transition. */
export async function settled(page: Page) {
  await page.waitForLoadState('domcontentloaded');
  await page.waitForFunction(
    () => !document.querySelector('.app-loading') && !!document.querySelector('main h1'),
    undefined,
    { timeout: 15_000 },
  );
  // KRDS buttons animate colours for 0.4 s (e.g. disabled → enabled after a request); axe would measure
  // the contrast of a half-way colour, so let running CSS transitions finish first.
  await page.waitForFunction(
    () => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
    undefined,
    { timeout: 5_000 },
  );
}

/**
 * Presses Tab (keyboard only, like a person without a mouse) until `target` has focus; fails after
 * `max` presses. Returns how many presses it took.
 */
export async function tabTo(page: Page, target: Locator, { max = 80, shift = false } = {}) {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('tabTo: target not found');
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    if (await handle.evaluate((el) => el === document.activeElement)) return i;
  }
  throw new Error(`tabTo: focus did not reach the target after ${max} presses`);
}

/** Whether `target` currently has keyboard focus. */
export async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

/** The path of the sign-up link in the newest sign-up mail to an address (read from the outbox). */
export async function signupLinkPath(handle: DbHandle, email: string): Promise<string> {
  const [row] = await handle.query<{ body: string }>(
    `SELECT body FROM outbox WHERE lower("to") = lower($1) AND kind = 'signup_verify'
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [email],
  );
  const m = row && /\/signup\/verify\/[\w-]+/.exec(row.body);
  if (!m) throw new Error(`no sign-up mail to ${email} in the outbox`);
  return m[0];
}

/** After the sign-up form: "메일을 확인하세요", then the mailed link (from the outbox) and 가입 완료. */
export async function confirmSignupFromOutbox(page: Page, handle: DbHandle, email: string) {
  await page.getByRole('heading', { name: '메일을 확인하세요', level: 1 }).waitFor();
  await page.goto(await signupLinkPath(handle, email));
  await page.getByRole('heading', { name: '회원가입 완료', level: 1 }).waitFor();
  await page.getByRole('button', { name: '가입 완료' }).click();
}

/** A tiny but valid one-page PDF. */
export function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
