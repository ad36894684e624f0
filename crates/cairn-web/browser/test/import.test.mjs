// Importing an export in a real Chromium: the import form uploads with
// XMLHttpRequest, shows the upload and the server's stages in a <progress>,
// and the result replaces the page; unmatched numbers are assigned from the
// result; the messages and counterparts pages list what was read. Every
// page is audited (axe-core, CSP, loopback-only requests) in both languages.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  Audit, PASSPHRASE, arrive, launchBrowser, sequence, startCairn, startNeutralSite,
} from '../lib/harness.mjs';

const CASE_LABEL = 'Import case L.';
const SUBJECT = 'A. R.';
const MESSAGES = 40_000;
const TRICKY = '<b>not bold</b> & "quoted"';

/** An SMS Backup & Restore file of `count` messages, the first one `TRICKY`. */
function smsBackup(count) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const rows = [];
  for (let i = 0; i < count; i += 1) {
    const body = i === 0 ? TRICKY : `message number ${i}`;
    rows.push(`  <sms protocol="0" address="(415) 555-0142" date="${1710000000000 + i * 60_000}" type="${i % 2 ? 2 : 1}" body="${escape(body)}" read="1" status="-1" contact_name="Alex Rivera" />`);
  }
  return Buffer.from(`<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="${count}">\n${rows.join('\n')}\n</smses>\n`);
}

let neutral;
let cairn;
let browser;
let page;
let audit;
const s = {};
/** Every answer of the progress endpoint: `{ url, status, body }`. */
const progress = [];

before(async () => {
  neutral = await startNeutralSite();
  cairn = await startCairn({ exitUrl: neutral.url });
  browser = await launchBrowser();
  audit = new Audit(browser.context, { ports: [cairn.port, neutral.port], prefix: 'import-' });
  page = await browser.page();
  page.on('response', async (r) => {
    if (!r.url().includes('/import/progress')) return;
    progress.push({ url: r.url(), status: r.status(), body: await r.text().catch(() => '') });
  });
});

after(async () => {
  await browser?.close();
  await cairn?.stop();
  await neutral?.close();
});

const bodyText = () => page.locator('body').innerText();
const h1 = () => page.locator('main h1').innerText();
const flow = sequence(test, { onFailure: (name) => page && audit.screenshot(page, `99-failure-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`) });

async function submit(name, pattern) {
  await page.locator('main').getByRole('button', { name, exact: true }).click();
  if (pattern) await arrive(page, pattern);
  else await page.waitForLoadState('load');
}

async function caseNav(name) {
  await page.getByRole('navigation', { name: /This case|Este caso/ }).getByRole('link', { name, exact: true }).click();
  await page.waitForLoadState('load');
}

flow.step('a vault, a case and the person causing harm', async () => {
  await page.goto(`${cairn.url}/setup`);
  await page.locator('#passphrase').fill(PASSPHRASE);
  await page.locator('#confirm').fill(PASSPHRASE);
  await submit('Create the vault', /\/cases$/);
  await page.locator('#label').fill(CASE_LABEL);
  await submit('Open the case', /\/cases\/[^/?]+$/);
  s.caseUrl = page.url();
  await caseNav('People causing harm');
  await page.locator('#name').fill(SUBJECT);
  await page.locator('#relationship').selectOption('former_partner');
  await submit('Add the person', /\/subjects$/);
});

flow.step('the import form is linked from the case and the evidence page, and says what file to bring', async () => {
  await caseNav('Evidence');
  await page.getByRole('link', { name: /Import the export/ }).click();
  await arrive(page, /\/import$/);
  await caseNav('Import');
  assert.equal(new URL(page.url()).pathname, `${new URL(s.caseUrl).pathname}/import`);
  s.importUrl = page.url();
  assert.equal(await h1(), 'Import messages, calls, email or a photo');
  const help = await page.locator('#kind-help').innerText();
  for (const expected of [/SMS Backup & Restore/, /Export chat/, /\.eml/, /mbox/, /screenshot/]) assert.match(help, expected);
  assert.equal(await page.locator('#region').inputValue(), 'US');
  assert.ok((await page.locator('#time_zone').getAttribute('placeholder'))?.length, 'the server zone is the placeholder');
  assert.ok(await page.locator('#import-progress').isHidden());
  assert.match(await bodyText(), /Nothing has been imported into this case yet/);
  await audit.check(page, '70-import-form');
});

flow.step('importing shows the upload and the server\'s stages, then the result replaces the page', async (t) => {
  const file = smsBackup(MESSAGES);
  await page.locator('#kind').selectOption('sms_backup');
  await page.locator('#source').fill("survivor's phone, full backup");
  await page.locator('#file').setInputFiles({ name: 'sms-20250301.xml', mimeType: 'text/xml', buffer: file });
  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url() === s.importUrl);
  await page.locator('main').getByRole('button', { name: 'Import the file', exact: true }).click();
  const request = await posted;
  assert.equal(request.resourceType(), 'xhr', 'app.js uploads with XMLHttpRequest');
  // The bar shows at once, labelled by the stage, before the result arrives.
  const bar = page.locator('progress#import-bar');
  await bar.waitFor({ state: 'visible' });
  const label = await page.locator('#import-stage').innerText();
  assert.match(label, /Uploading, hashing and encrypting|Reading the messages|Saving to the case/);
  assert.equal(await bar.getAttribute('aria-labelledby'), 'import-stage');

  await page.locator('main h1', { hasText: 'Imported: SMS backup' }).waitFor({ timeout: 120_000 });
  await page.waitForLoadState('load');
  const result = await bodyText();
  const count = (name) => page.locator('dl.counts div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd').innerText();
  assert.equal(await count('Read'), MESSAGES.toLocaleString('en-US'));
  assert.equal(await count('New'), MESSAGES.toLocaleString('en-US'));
  assert.equal(await count('Skipped'), '0');
  assert.match(result, /[0-9a-f]{64}/, 'the SHA-256 is shown');
  assert.match(result, /Numbers and names not matched to anyone yet/);

  const jobs = new Set(progress.map((p) => new URL(p.url).searchParams.get('job')));
  assert.equal(jobs.size, 1, `one job per upload: ${[...jobs]}`);
  assert.match([...jobs][0], /^[0-9a-f]{32}$/, 'a random 128-bit job token');
  const answered = progress.filter((p) => p.status === 200).map((p) => JSON.parse(p.body));
  assert.ok(answered.length >= 1, `the page polled the server's progress: ${JSON.stringify(progress)}`);
  for (const p of answered) {
    assert.ok(['storing', 'reading', 'saving'].includes(p.stage) && Number.isInteger(p.done) && Number.isInteger(p.total), JSON.stringify(p));
  }
  t.diagnostic(`stages seen: ${[...new Set(answered.map((p) => p.stage))].join(', ')}`);
  await audit.check(page, '71-import-result');
});

flow.step('an unmatched number is assigned to the person from the result page', async () => {
  const row = page.locator('main table.counterparts tbody tr').filter({ hasText: '+14155550142' });
  await row.locator('select').selectOption({ label: SUBJECT });
  await row.getByRole('button', { name: 'This is them' }).click();
  await arrive(page, /\/counterparts\?assigned=\d+$/);
  assert.match(await page.getByRole('status').innerText(), /\+14155550142 is now one of A\. R\.'s identifiers/);
  const matched = page.locator('main table.counterparts tbody tr').filter({ hasText: '+14155550142' });
  assert.match(await matched.innerText(), /A\. R\./);
  assert.equal(await matched.locator('select').count(), 0);
  await audit.check(page, '72-counterparts');
});

flow.step('the messages page lists what was read, escaped, oldest first, a page at a time', async () => {
  await caseNav('Messages');
  assert.equal(await h1(), 'Messages and calls');
  const rows = page.locator('main table.messages tbody tr');
  assert.equal(await rows.count(), 100);
  const first = await rows.first().innerText();
  assert.ok(first.includes(TRICKY), `the body is shown as text, not markup: ${first}`);
  assert.equal(await rows.first().locator('b').count(), 0);
  assert.match(first, /Alex Rivera/);
  await audit.check(page, '73-messages');

  await page.getByRole('link', { name: 'Later messages' }).click();
  await arrive(page, /after=/);
  assert.match(await rows.first().innerText(), /message number 100\b/);
  await page.locator('#f-subject').selectOption({ label: SUBJECT });
  await page.locator('form.filters').getByRole('button', { name: 'Apply' }).click();
  await arrive(page, /subject=/);
  assert.equal(await rows.count(), 100, 'every message is with the assigned number');
  await page.locator('#f-from').fill('2030-01-01');
  await page.locator('form.filters').getByRole('button', { name: 'Apply' }).click();
  await arrive(page, /from=2030/);
  assert.match(await bodyText(), /No messages or calls match/);
  await audit.check(page, '74-messages-filtered-empty');
});

flow.step('the pattern page draws the charts inline, with a title and description each', async () => {
  await caseNav('Pattern');
  assert.equal(await h1(), 'Pattern of contact');
  const charts = page.locator('main svg[role="img"]');
  assert.ok((await charts.count()) >= 3, 'a timeline and two charts for the person');
  const labelled = await charts.evaluateAll((svgs) =>
    svgs.every((svg) => svg.getAttribute('aria-labelledby').split(' ').every((id) => document.getElementById(id)?.textContent.trim())));
  assert.ok(labelled, 'every chart names its title and description');
  assert.ok((await charts.first().boundingBox()).width > 200, 'the charts are drawn at a readable size');
  await audit.check(page, '77-pattern');
});

flow.step('importing the same file again says so, and is not an error', async () => {
  await page.goto(s.importUrl);
  await page.locator('#kind').selectOption('sms_backup');
  await page.locator('#file').setInputFiles({ name: 'sms-20250301.xml', mimeType: 'text/xml', buffer: smsBackup(MESSAGES) });
  await page.locator('main').getByRole('button', { name: 'Import the file', exact: true }).click();
  await page.locator('main h1', { hasText: 'Already imported' }).waitFor({ timeout: 120_000 });
  assert.match(await page.getByRole('status').first().innerText(), /already imported into this case/);
  assert.equal(await page.getByRole('alert').count(), 0);
  await audit.check(page, '75-import-already');
});

flow.step('a file that is not what it claims is refused with where, and the form is kept', async () => {
  await page.goto(s.importUrl);
  await page.locator('#kind').selectOption('whatsapp');
  await page.locator('#source').fill('kept source');
  await page.locator('#file').setInputFiles({ name: 'chat.txt', mimeType: 'text/plain', buffer: Buffer.from('this is not a chat\nat all\n') });
  await page.locator('main').getByRole('button', { name: 'Import the file', exact: true }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 60_000 });
  assert.match(await alert.innerText(), /cannot import chat\.txt: .*line 1/);
  assert.equal(await page.locator('#source').inputValue(), 'kept source');
  await audit.check(page, '76-import-refused');
});

flow.step('the import pages in Spanish', async () => {
  await page.goto(s.importUrl);
  await page.locator('header').getByRole('button', { name: 'Español', exact: true }).click();
  await page.waitForLoadState('load');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assert.match(await bodyText(), /Importar el archivo/);
  await audit.check(page, '80-es-import-form');
  for (const [name, path, expected] of [
    ['81-es-messages', '/messages', /Mensajes y llamadas/],
    ['82-es-counterparts', '/counterparts', /Números y nombres en las importaciones/],
    ['83-es-pattern', '/pattern', /Patrón de contacto/],
  ]) {
    await page.goto(`${s.caseUrl}${path}`);
    assert.match(await bodyText(), expected, name);
    await audit.check(page, name);
  }
});

test('axe-core: no violation at all on the import, result, messages and counterparts pages', (t) => {
  assert.ok(audit.pages.length >= 9 || flow.failed, `audited ${audit.pages.length} pages`);
  const review = audit.needsReview();
  if (review.length) t.diagnostic(`axe-core could not decide (needs review, not failing):\n${review.join('\n')}`);
  const serious = audit.seriousViolations();
  assert.equal(serious.length, 0, `axe-core found ${serious.length} serious/critical problem(s):\n${serious.join('\n')}`);
  // These pages are new: hold them to every rule, not only the serious ones.
  const minor = audit.minorViolations();
  assert.equal(minor.length, 0, `axe-core found moderate/minor problems:\n${minor.join('\n')}`);
});

test('the CSP holds on the import pages', (t) => {
  if (audit.consoleErrors.length) t.diagnostic(`other console errors:\n${audit.consoleErrors.join('\n')}`);
  assert.deepEqual(audit.cspViolations, []);
});

test('no request left 127.0.0.1 while importing', () => {
  assert.deepEqual(audit.foreignRequests, []);
});
