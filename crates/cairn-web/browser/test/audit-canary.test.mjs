// The audit itself: on a deliberately broken page it must report axe-core
// violations, a CSP violation and a request that did not go to 127.0.0.1.
// Guards against an audit that silently checks nothing.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import fs from 'node:fs';

import { Audit, launchBrowser, startNeutralSite } from '../lib/harness.mjs';

let neutral;
let browser;
let audit;

before(async () => {
  neutral = await startNeutralSite();
  browser = await launchBrowser();
  // Screenshots of the canary go to a scratch name, out of the NN- series.
  audit = new Audit(browser.context, { ports: [neutral.port], prefix: 'zz-' });
});

after(async () => {
  await browser?.close();
  await neutral?.close();
});

test('the audit catches axe violations, CSP violations and requests off 127.0.0.1', { timeout: 60_000 }, async () => {
  const page = await browser.page();
  await page.goto(`${neutral.url}canary`);
  await page.waitForLoadState('load');
  assert.equal(await page.title(), 'canary', 'the CSP blocked the inline script');
  await audit.check(page, 'audit-canary');

  const rules = new Set(audit.pages[0].violations.map((v) => v.id));
  for (const rule of ['html-has-lang', 'image-alt', 'label']) assert.ok(rules.has(rule), `axe-core reported ${rule}: ${[...rules]}`);
  assert.ok(audit.seriousViolations().length >= 3);
  assert.ok(audit.cspViolations.some((v) => /script-src|inline/i.test(v)), audit.cspViolations.join('\n'));
  assert.ok(audit.foreignRequests.some((r) => r.includes(`http://localhost:${neutral.port}/pixel.svg`)), audit.foreignRequests.join('\n'));
  for (const file of audit.screenshots) fs.rmSync(file, { force: true });
});
