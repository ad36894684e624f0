// Every page works without JavaScript: with scripts disabled in the browser,
// creating the vault and a case, recording an incident, uploading evidence,
// importing an export and quick exit all go through plain form posts.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import fs from 'node:fs';
import path from 'node:path';

import {
  Audit, PASSPHRASE, REPO, arrive, casesRedirect, fakeFile, launchBrowser, sequence, sha256, startCairn, startNeutralSite,
} from '../lib/harness.mjs';

const CASE_LABEL = 'No script case A.';
const NARRATIVE = 'Left a note on the car windshield while she was at work.';
const FILE_NAME = 'windshield-note.jpg';
const FILE = fakeFile(300_000, 11);

let neutral;
let cairn;
let browser;
let page;
let audit;
const s = {};
/** Document requests only: with scripts off nothing else may post. */
const posts = [];

before(async () => {
  neutral = await startNeutralSite();
  cairn = await startCairn({ exitUrl: neutral.url });
  browser = await launchBrowser({ javaScriptEnabled: false });
  audit = new Audit(browser.context, { ports: [cairn.port, neutral.port] });
  page = await browser.page();
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(`${r.resourceType()} ${new URL(r.url()).pathname}`); });
});

after(async () => {
  await browser?.close();
  await cairn?.stop();
  await neutral?.close();
});

const bodyText = () => page.locator('body').innerText();
const submit = async (name, pattern) => {
  await page.locator('main').getByRole('button', { name, exact: true }).click();
  if (pattern) await arrive(page, pattern);
  else await page.waitForLoadState('load');
};
const flow = sequence(test, { onFailure: (name) => page && audit.screenshot(page, `99-failure-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`) });

flow.step('scripts really are off', async () => {
  await page.goto(`${cairn.url}/setup`);
  // With app.js running, Escape three times would leave for the neutral site.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  assert.match(page.url(), /\/setup$/, 'without app.js, Escape does nothing');
});

flow.step('without JavaScript: create the vault and a case, record an incident', async () => {
  await page.goto(`${cairn.url}/setup`);
  await page.locator('#passphrase').fill(PASSPHRASE);
  await page.locator('#confirm').fill(PASSPHRASE);
  await submit('Create the vault', /\/cases$/);
  await page.locator('#label').fill(CASE_LABEL);
  await submit('Open the case', /\/cases\/[^/?]+$/);
  s.caseUrl = page.url();
  assert.equal(await page.locator('main h1').innerText(), CASE_LABEL);
  await audit.check(page, '60-nojs-case', { axe: false });

  await page.getByRole('link', { name: 'New incident', exact: true }).click();
  await page.waitForLoadState('load');
  await page.locator('#date').fill('2025-06-20');
  await page.locator('#time').fill('08:45');
  await page.locator('#channel').selectOption('in_person');
  await page.locator('input[name=behaviour][value=intimidation]').check();
  await page.locator('#narrative').fill(NARRATIVE);
  await audit.check(page, '61-nojs-incident-form', { axe: false });
  await submit('Record the incident', /\/incidents\/[^/]+$/);
  const detail = await bodyText();
  assert.ok(detail.includes(NARRATIVE));
  assert.match(detail, /Jun 20, 2025, 8:45 AM/);
  assert.match(detail, /in person/);
  await audit.check(page, '62-nojs-incident-detail', { axe: false });
});

flow.step('without JavaScript: evidence upload is a plain multipart post and shows the SHA-256', async () => {
  await page.goto(`${s.caseUrl}/evidence`);
  await page.locator('#source').fill('photo from her phone');
  await page.locator('#files').setInputFiles({ name: FILE_NAME, mimeType: 'image/jpeg', buffer: FILE });
  await submit('Add the files', /\/evidence\?added=/);
  const notice = page.locator('main .alert.notice');
  assert.match(await notice.innerText(), /Stored and encrypted/);
  assert.equal(await notice.locator('code.hash').innerText(), sha256(FILE));
  assert.ok(await page.locator('#upload-progress').isHidden(), 'no script showed the progress bar');
  await audit.check(page, '63-nojs-evidence-added', { axe: false });

  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await page.waitForLoadState('load');
  const entries = await page.locator('ol.timeline > li').allInnerTexts();
  assert.equal(entries.length, 2, entries.join('\n'));
});

flow.step('without JavaScript: an import is a plain multipart post that shows the result', async () => {
  const backup = fs.readFileSync(path.join(REPO, 'crates', 'cairn-ingest', 'tests', 'data', 'sms', 'backup.xml'));
  await page.goto(`${s.caseUrl}/import`);
  await page.locator('#kind').selectOption('sms_backup');
  await page.locator('#file').setInputFiles({ name: 'backup.xml', mimeType: 'text/xml', buffer: backup });
  await submit('Import the file');
  assert.equal(await page.locator('main h1').innerText(), 'Imported: SMS backup');
  const result = await bodyText();
  assert.ok(result.includes(sha256(backup)), 'the file\'s SHA-256 is shown');
  assert.match(result, /Records that could not be read/);
  assert.match(result, /sms has an unreadable date "yesterday"/);
  await audit.check(page, '65-nojs-import-result', { axe: false });
  await page.goto(`${s.caseUrl}/messages`);
  assert.match(await bodyText(), /Call me back & we can talk/);
});

flow.step('without JavaScript: the Quick exit button posts, locks, and the refresh lands on the neutral site', async (t) => {
  await page.goto(s.caseUrl);
  await page.locator('header').getByRole('button', { name: 'Quick exit', exact: true }).click();
  await arrive(page, neutral.url);
  assert.equal(await page.title(), 'Weather forecast');
  assert.deepEqual(neutral.referers.filter(Boolean), [], 'the neutral site is not told where the visitor came from');
  assert.deepEqual(await casesRedirect(browser.context, cairn.url), { status: 303, location: '/unlock' });
  await audit.screenshot(page, '64-nojs-quick-exit-neutral');

  await page.goBack();
  await page.waitForLoadState('load');
  const url = page.url();
  const shown = await bodyText();
  assert.ok(!shown.includes(CASE_LABEL) && !shown.includes(NARRATIVE), `Back must not show the case (at ${url}):\n${shown}`);
  t.diagnostic(`Back after quick exit landed on ${url}`);
  assert.ok(url === `${cairn.url}/unlock` || url === neutral.url, `Back shows the unlock page or the neutral page, not ${url}`);
});

test('without JavaScript: every write was a document form post; no CSP violation; nothing left 127.0.0.1', () => {
  assert.ok(posts.length >= 5 || flow.failed, posts.join('\n'));
  assert.deepEqual(posts.filter((p) => !p.startsWith('document ')), [], 'no XHR/fetch/beacon without scripts');
  assert.deepEqual(audit.cspViolations, []);
  assert.deepEqual(audit.foreignRequests, []);
});
