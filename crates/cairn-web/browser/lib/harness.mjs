// Shared harness for the real-browser tests of `cairn serve`: a neutral
// "weather" site for quick exit, the Cairn server on a fresh vault, Debian's
// Chromium driven by playwright-core, and a per-page audit (axe-core,
// CSP violations, requests leaving loopback, full-page screenshots).
//
// Nothing here touches the network beyond 127.0.0.1.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** Repository root (crates/cairn-web/browser/lib → ../../../..). */
export const REPO = path.resolve(here, '..', '..', '..', '..');
export const CAIRN_BIN = process.env.CAIRN_BIN || path.join(REPO, 'target', 'debug', 'cairn');
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
export const ARTIFACTS = process.env.CAIRN_BROWSER_ARTIFACTS || path.join(REPO, 'target', 'browser-artifacts');
/** Per-step timeout: Argon2id in a debug build is slow, and CI machines are shared. */
export const STEP_TIMEOUT = 30_000;
export const PASSPHRASE = 'correct horse battery staple';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A temporary directory removed by `cleanup()`. */
export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * The quick-exit destination: an ordinary page with nothing about Cairn on it.
 * Records every request it receives.
 */
export async function startNeutralSite() {
  const hits = [];
  /** The Referer of every request for / (quick exit must not say where it came from). */
  const referers = [];
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weather forecast</title></head>'
    + '<body><main><h1>Weather forecast</h1><p>Partly cloudy, high of 18 °C, light wind from the west.</p></main></body></html>';
  // /canary is a deliberately broken page that proves the audit catches
  // problems: no lang, an unlabelled input, an image without alt, an inline
  // script its CSP blocks, and an image from `localhost` (still loopback,
  // but not 127.0.0.1). Quick exit only ever opens /.
  const canary = (port) => '<!doctype html><html><head><meta charset="utf-8"><title>canary</title></head><body>'
    + '<main><input type="text"><img src="/pixel.svg"><img alt="x" src="http://localhost:' + port + '/pixel.svg">'
    + '<script>document.title = "inline script ran";</script></main></body></html>';
  const pixel = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    if (req.url === '/canary') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'self'; img-src *",
      });
      res.end(canary(server.address().port));
    } else if (req.url === '/pixel.svg') {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end(pixel);
    } else {
      if (req.url === '/') referers.push(req.headers.referer ?? null);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : html);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    hits,
    referers,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

/**
 * Starts `cairn serve` on a fresh vault and resolves once it printed its URL.
 * `stop()` sends SIGINT (Cairn locks the vault on the way out) and SIGKILL
 * after five seconds if it is still running.
 */
export async function startCairn({ exitUrl }) {
  if (!fs.existsSync(CAIRN_BIN)) {
    throw new Error(`${CAIRN_BIN} does not exist: build it with \`cargo build -p cairn\` or set CAIRN_BIN`);
  }
  const vault = tempDir('cairn-vault-');
  const child = spawn(CAIRN_BIN, ['serve', '--addr', '127.0.0.1:0', '--json', '--exit-url', exitUrl], {
    env: { ...process.env, CAIRN_VAULT: vault, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cairn serve printed no URL within 30 s; stderr: ${stderr.join('')}`)), STEP_TIMEOUT);
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line);
        if (parsed && typeof parsed.url === 'string') {
          clearTimeout(timer);
          resolve(parsed.url);
        }
      } catch { /* not the ready line */ }
    });
    child.once('error', (e) => { clearTimeout(timer); reject(e); });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`cairn serve exited early (${code ?? signal}); stderr: ${stderr.join('')}`));
    });
  });
  const base = new URL(url);
  if (base.hostname !== '127.0.0.1') throw new Error(`cairn serve is not on 127.0.0.1: ${url}`);

  return {
    url: url.replace(/\/$/, ''),
    origin: base.origin,
    port: Number(base.port),
    vault,
    stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      fs.rmSync(vault, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with a fresh profile. Returns the persistent context; `close()`
 * also removes the profile directory.
 */
export async function launchBrowser({ javaScriptEnabled = true, locale = 'en-US' } = {}) {
  const profile = tempDir('cairn-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    javaScriptEnabled,
    locale,
    timezoneId: 'America/Chicago',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: false,
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT);
  return {
    context,
    async page() {
      const existing = context.pages().find((p) => p.url() === 'about:blank');
      return existing ?? context.newPage();
    },
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Hosts a page may talk to: the Cairn server and the neutral site, both on 127.0.0.1. */
function isLocal(url, ports) {
  let u;
  try { u = new URL(url); } catch { return false; }
  if (['about:', 'data:', 'blob:'].includes(u.protocol)) return true;
  return u.hostname === '127.0.0.1' && ports.includes(Number(u.port));
}

/**
 * Watches a browser context for CSP violations and requests that leave
 * loopback, and audits pages on demand (axe-core + screenshot).
 */
export class Audit {
  constructor(context, { ports, prefix = '' }) {
    this.ports = ports;
    this.prefix = prefix;
    this.foreignRequests = [];
    this.cspViolations = [];
    this.consoleErrors = [];
    /** name → { url, lang, violations: all axe violations } */
    this.pages = [];
    this.screenshots = [];
    fs.mkdirSync(ARTIFACTS, { recursive: true });

    context.on('request', (request) => {
      if (!isLocal(request.url(), this.ports)) {
        this.foreignRequests.push(`${request.method()} ${request.url()} (from ${request.frame()?.url?.() ?? '?'})`);
      }
    });
    // Chromium reports a blocked load, inline script or style on the console;
    // the init script below also relays the DOM's securitypolicyviolation
    // event (init scripts are injected by the browser, not subject to CSP).
    context.on('console', (message) => {
      const text = message.text();
      const where = message.page()?.url() ?? '?';
      if (/content security policy|\[csp-violation\]/i.test(text)) {
        this.cspViolations.push(`${where}: ${text}`);
      } else if (message.type() === 'error') {
        this.consoleErrors.push(`${where}: ${text}`);
      }
    });
    context.on('weberror', (error) => this.consoleErrors.push(`uncaught: ${error.error()?.message}`));
    context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`[csp-violation] ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || ''}:${e.lineNumber || ''}`);
      });
    }).catch(() => {});
  }

  /** Full-page screenshot to target/browser-artifacts/NN-name.png. */
  async screenshot(page, name) {
    const file = path.join(ARTIFACTS, `${this.prefix}${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    this.screenshots.push(file);
    return file;
  }

  /**
   * Runs axe-core on the page as it is now and takes its screenshot. The
   * violations are recorded (not thrown) so the flow can go on; the
   * `assertAccessible` test at the end of each file fails on them.
   */
  async check(page, name, { axe = true } = {}) {
    await page.waitForLoadState('load');
    const lang = await page.evaluate(() => document.documentElement.lang).catch(() => '?');
    let violations = [];
    let incomplete = [];
    if (axe) {
      const loaded = await page.evaluate(() => typeof window.axe === 'object').catch(() => false);
      if (!loaded) await page.evaluate(AXE_SOURCE);
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await window.axe.run(document, { resultTypes: ['violations', 'incomplete'] });
        const incomplete = r.incomplete.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        return { incomplete, passes: r.passes.length, violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), impact: n.impact, summary: n.failureSummary })),
        })) };
      });
      violations = result.violations;
      incomplete = result.incomplete;
      if (result.passes === 0) throw new Error(`axe-core checked nothing on ${page.url()}`);
    }
    await this.screenshot(page, name);
    this.pages.push({ name: `${this.prefix}${name}`, url: page.url(), lang, violations, incomplete });
    return violations;
  }

  /** Human-readable lines for the serious and critical axe violations. */
  seriousViolations() {
    const lines = [];
    for (const p of this.pages) {
      for (const v of p.violations) {
        for (const n of v.nodes) {
          const impact = n.impact || v.impact;
          if (impact === 'serious' || impact === 'critical') {
            lines.push(`[${p.name}] (${p.lang}) ${p.url}\n    ${impact} ${v.id}: ${v.help}\n    at ${n.target}\n    ${(n.summary || '').replace(/\n/g, '\n    ')}`);
          }
        }
      }
    }
    return lines;
  }

  /** What axe-core could not decide by itself ("needs review"), for information. */
  needsReview() {
    const seen = new Map();
    for (const p of this.pages) {
      for (const item of p.incomplete ?? []) seen.set(item, [...(seen.get(item) ?? []), p.name]);
    }
    return [...seen].map(([item, pages]) => `${item} on ${pages.join(', ')}`);
  }

  /** Moderate and minor findings, printed for information only. */
  minorViolations() {
    const seen = new Map();
    for (const p of this.pages) {
      for (const v of p.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') continue;
        const key = `${v.impact} ${v.id}: ${v.help}`;
        seen.set(key, [...(seen.get(key) ?? []), `${p.name} ${v.nodes.map((n) => n.target).join(', ')}`]);
      }
    }
    return [...seen].map(([k, where]) => `${k}\n    ${where.join('\n    ')}`);
  }
}

/** SHA-256 of a buffer as lowercase hex. */
export function sha256(buffer) {
  return crypto.createHash('sha256').update(buffer).digest('hex');
}

/** Deterministic pseudo-random bytes (a fake screenshot) of the given size. */
export function fakeFile(size, seed = 7) {
  const bytes = Buffer.alloc(size);
  let x = seed >>> 0;
  for (let i = 0; i < size; i += 1) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  // A PNG signature up front, so the browser labels it image/png.
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  return bytes;
}

/** Polls `fn` until it returns a truthy value or the timeout passes. */
export async function eventually(fn, { timeout = STEP_TIMEOUT, interval = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message}; last: ${last}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Whether the vault is locked, asked the way a browser would: GET /cases
 * with this context's cookies, redirects not followed.
 */
export async function casesRedirect(context, base) {
  const response = await context.request.get(`${base}/cases`, { maxRedirects: 0 });
  return { status: response.status(), location: response.headers().location ?? null };
}

/**
 * Waits until the page is at a URL matching `pattern`; on failure says where
 * the browser is instead and what it shows (a refused form shows why).
 */
export async function arrive(page, pattern) {
  try {
    await page.waitForURL(pattern);
    await page.waitForLoadState('load');
  } catch (e) {
    const body = await page.locator('body').innerText({ timeout: 2_000 }).catch(() => '(no body)');
    throw new Error(`expected to arrive at ${pattern}, but the browser is at ${page.url()} showing:\n${body.slice(0, 600)}`, { cause: e });
  }
}

/**
 * Steps of one flow, run in order: once one fails, the later ones (which
 * build on it) are skipped instead of failing with confusing errors.
 * `onFailure(name)` may save a screenshot.
 */
export function sequence(test, { onFailure } = {}) {
  const state = { failed: null };
  state.step = (name, fn) => test(name, { timeout: 180_000 }, async (t) => {
    if (state.failed) {
      t.skip(`an earlier step failed: ${state.failed}`);
      return;
    }
    try {
      await fn(t);
    } catch (e) {
      state.failed = name;
      await onFailure?.(name)?.catch?.(() => {});
      throw e;
    }
  });
  return state;
}
