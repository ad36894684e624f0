// Quick exit by clicking the button (the flow test uses the Escape keys),
// the two-second window of the Escape shortcut, and the Lock button.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  Audit, PASSPHRASE, arrive, casesRedirect, eventually, launchBrowser, sequence, startCairn, startNeutralSite,
} from '../lib/harness.mjs';

const CASE_LABEL = 'Quick exit case K.';

let neutral;
let cairn;
let browser;
let page;
let audit;
let caseUrl;

before(async () => {
  neutral = await startNeutralSite();
  cairn = await startCairn({ exitUrl: neutral.url });
  browser = await launchBrowser();
  audit = new Audit(browser.context, { ports: [cairn.port, neutral.port], prefix: '' });
  page = await browser.page();
});

after(async () => {
  await browser?.close();
  await cairn?.stop();
  await neutral?.close();
});

const bodyText = () => page.locator('body').innerText();
const flow = sequence(test, { onFailure: (name) => page && audit.screenshot(page, `99-failure-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`) });

flow.step('setting up: a vault with one case', async () => {
  await page.goto(`${cairn.url}/setup`);
  await page.locator('#passphrase').fill(PASSPHRASE);
  await page.locator('#confirm').fill(PASSPHRASE);
  await page.locator('main').getByRole('button', { name: 'Create the vault' }).click();
  await arrive(page, /\/cases$/);
  await page.locator('#label').fill(CASE_LABEL);
  await page.locator('main').getByRole('button', { name: 'Open the case' }).click();
  await arrive(page, /\/cases\/[^/?]+$/);
  caseUrl = page.url();
});

flow.step('Escape presses more than two seconds apart do not exit', async () => {
  await page.goto(caseUrl);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(2_200);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  assert.equal(page.url(), caseUrl);
  assert.ok((await bodyText()).includes(CASE_LABEL));
  assert.deepEqual(await casesRedirect(browser.context, cairn.url), { status: 200, location: null }, 'still unlocked');
});

flow.step('the Quick exit button leaves for the neutral site, locks, and Back shows no case data', async (t) => {
  await page.goto(`${caseUrl}/subjects`);
  await page.goto(caseUrl);
  const button = page.locator('header').getByRole('button', { name: 'Quick exit', exact: true });
  assert.match(await button.getAttribute('title'), /Esc three times/);
  const hits = neutral.hits.length;

  await button.click();
  await arrive(page, neutral.url);
  assert.equal(await page.title(), 'Weather forecast');
  assert.ok(neutral.hits.length > hits);
  assert.deepEqual(neutral.referers.filter(Boolean), [], 'the neutral site is not told where the visitor came from');
  await audit.screenshot(page, '50-quick-exit-button-neutral');

  await eventually(async () => {
    const r = await casesRedirect(browser.context, cairn.url);
    return r.status === 303 && r.location === '/unlock';
  }, { message: 'GET /cases to redirect to /unlock after the Quick exit button' });

  await page.goBack();
  await page.waitForLoadState('load');
  const url = page.url();
  const shown = await bodyText();
  assert.ok(!shown.includes(CASE_LABEL), `Back must not show the case (at ${url}):\n${shown}`);
  t.diagnostic(`Back after quick exit landed on ${url}`);
  assert.ok(url === `${cairn.url}/unlock` || url === neutral.url, `Back shows the unlock page or the neutral page, not ${url}`);
  if (url === `${cairn.url}/unlock`) {
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.locator('main h1').innerText(), 'Unlock your vault');
    await audit.check(page, '51-unlock');
  }
});

flow.step('unlocking again, then the Lock button locks', async () => {
  await page.goto(`${cairn.url}/`);
  await arrive(page, /\/unlock$/);
  await page.locator('#passphrase').fill(PASSPHRASE);
  await page.locator('main').getByRole('button', { name: 'Unlock' }).click();
  await arrive(page, /\/cases$/);
  assert.ok((await bodyText()).includes(CASE_LABEL));
  await page.locator('header').getByRole('button', { name: 'Lock', exact: true }).click();
  await arrive(page, /\/unlock$/);
  assert.ok(!(await bodyText()).includes(CASE_LABEL));
  assert.deepEqual(await casesRedirect(browser.context, cairn.url), { status: 303, location: '/unlock' });
});

test('quick exit pages: no serious or critical axe violation, no CSP violation, nothing left 127.0.0.1', (t) => {
  const minor = audit.minorViolations();
  if (minor.length) t.diagnostic(`moderate/minor axe findings (not failing):\n${minor.join('\n')}`);
  const review = audit.needsReview();
  if (review.length) t.diagnostic(`axe-core could not decide (needs review, not failing):\n${review.join('\n')}`);
  if (audit.consoleErrors.length) t.diagnostic(`other console errors:\n${audit.consoleErrors.join('\n')}`);
  assert.deepEqual(audit.seriousViolations(), []);
  assert.deepEqual(audit.cspViolations, []);
  assert.deepEqual(audit.foreignRequests, []);
});
