// One advocate's session, end to end, in a real Chromium: create the vault,
// open a case, add a person, record and correct incidents, upload evidence,
// filter the timeline, verify the journal, work in Spanish, quick exit with
// Escape ×3, and unlock again. Every page is audited on the way (axe-core,
// CSP, loopback-only requests, screenshot); the last tests fail on what the
// audits found.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  Audit, PASSPHRASE, arrive, casesRedirect, eventually, fakeFile, launchBrowser, sequence, sha256, startCairn, startNeutralSite,
} from '../lib/harness.mjs';

const CASE_LABEL = 'Maria R.';
const SUBJECT = 'J. Doe';
const FIRST_NARRATIVE = 'Forty texts after midnight, from a number she did not know.';
const AMENDED_NARRATIVE = 'Forty-two texts after midnight, from a number she did not know.';
const SECOND_NARRATIVE = 'He called her workplace twice asking where she was.';
const EVIDENCE_NAME = 'messages-2025-03-14.png';
const EVIDENCE = fakeFile(1_500_000);
const EVIDENCE_SHA256 = sha256(EVIDENCE);

let neutral;
let cairn;
let browser;
let page;
let audit;
/** Shared by the steps: what earlier steps created. */
const s = {};
const flow = sequence(test, {
  onFailure: (name) => page && audit.screenshot(page, `99-failure-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`),
});
const step = flow.step;

before(async () => {
  neutral = await startNeutralSite();
  cairn = await startCairn({ exitUrl: neutral.url });
  browser = await launchBrowser();
  audit = new Audit(browser.context, { ports: [cairn.port, neutral.port] });
  page = await browser.page();
});

after(async () => {
  await browser?.close();
  await cairn?.stop();
  await neutral?.close();
});

const bodyText = () => page.locator('body').innerText();
const h1 = () => page.locator('main h1').innerText();
const htmlLang = () => page.evaluate(() => document.documentElement.lang);
const entries = () => page.locator('ol.timeline > li').allInnerTexts();

/** Clicks a submit button in `main` by its visible name and waits for the page it leads to. */
async function submit(name, urlPattern) {
  await page.locator('main').getByRole('button', { name, exact: true }).click();
  if (urlPattern) await arrive(page, urlPattern);
  else await page.waitForLoadState('load');
}

async function caseNav(name) {
  await page.getByRole('navigation', { name: /This case|Este caso/ }).getByRole('link', { name, exact: true }).click();
  await page.waitForLoadState('load');
}

async function switchLanguage(to) {
  await page.locator('header').getByRole('button', { name: to, exact: true }).click();
  await page.waitForLoadState('load');
}

async function applyFilters(values) {
  await page.goto(s.caseUrl);
  for (const [id, value] of Object.entries(values)) {
    const field = page.locator(`#${id}`);
    if (id === 'f-from' || id === 'f-to') await field.fill(value);
    else await field.selectOption(value);
  }
  await page.locator('form.filters').getByRole('button').click();
  await arrive(page, /\?/);
}

step('creating the vault: a weak passphrase is refused with feedback, a strong one opens it', async () => {
  await page.goto(`${cairn.url}/`);
  await arrive(page, /\/setup$/);
  assert.equal(await htmlLang(), 'en');
  assert.equal(await h1(), 'Create your vault');
  await audit.check(page, '01-setup');

  // The setup page in Spanish too, before anything exists.
  await switchLanguage('Español');
  await arrive(page, /\/setup$/);
  assert.equal(await htmlLang(), 'es');
  assert.equal(await h1(), 'Cree su bóveda');
  await audit.check(page, '02-es-setup');
  await switchLanguage('English');
  assert.equal(await htmlLang(), 'en');

  // Long enough for minlength, but guessable: the server explains why.
  await page.locator('#passphrase').fill('password1234');
  await page.locator('#confirm').fill('password1234');
  await submit('Create the vault');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const feedback = await alert.innerText();
  assert.match(feedback, /Please choose a stronger passphrase/);
  assert.match(feedback, /could be guessed quickly/);
  await audit.check(page, '03-setup-weak');
  const refused = await casesRedirect(browser.context, cairn.url);
  assert.deepEqual(refused, { status: 303, location: '/setup' }, 'no vault was created');

  await page.locator('#passphrase').fill(PASSPHRASE);
  await page.locator('#confirm').fill(PASSPHRASE);
  await submit('Create the vault', /\/cases$/);
  assert.equal(await h1(), 'Cases');
  assert.match(await bodyText(), /No cases yet/);
  await audit.check(page, '04-cases-empty');
});

step('opening a case and adding the person causing harm, with a phone number', async () => {
  await page.locator('#label').fill(CASE_LABEL);
  await submit('Open the case', /\/cases\/[^/?]+$/);
  s.caseUrl = page.url();
  s.caseId = new URL(s.caseUrl).pathname.split('/').pop();
  assert.equal(await h1(), CASE_LABEL);
  assert.match(await bodyText(), /Nothing matches/);
  await audit.check(page, '05-case-empty');

  await caseNav('People causing harm');
  assert.equal(new URL(page.url()).pathname, `/cases/${s.caseId}/subjects`);
  assert.match(await bodyText(), /Nobody added yet/);
  await audit.check(page, '06-subjects-empty');
  await page.locator('#name').fill(SUBJECT);
  await page.locator('#relationship').selectOption('former_partner');
  await page.locator('#phones').fill('+1 555 123 4567');
  await submit('Add the person', /\/subjects$/);
  const row = await page.locator('main table tbody tr').first().innerText();
  assert.match(row, /J\. Doe/);
  assert.match(row, /former partner/);
  assert.match(row, /\+15551234567/, 'the number is stored in international form');
  await audit.check(page, '07-subjects');
});

step('recording incidents with date, time, channel, behaviours, subject and narrative', async () => {
  await caseNav('New incident');
  assert.equal(await h1(), 'Record an incident');
  await audit.check(page, '08-incident-form');

  await page.locator('#date').fill('2025-03-14');
  await page.locator('#time').fill('22:10');
  await page.locator('#channel').selectOption('text');
  await page.locator('input[name=behaviour][value=intimidation]').check();
  await page.locator('input[name=behaviour][value=threats]').check();
  await page.locator('#subject').selectOption({ label: SUBJECT });
  await page.locator('#narrative').fill(FIRST_NARRATIVE);
  await page.locator('#location').fill('At home');
  await page.locator('#fear').selectOption('8');
  await submit('Record the incident', /\/incidents\/[^/]+$/);
  s.firstIncidentUrl = page.url();
  const detail = await bodyText();
  assert.match(detail, /Mar 14, 2025, 10:10 PM/);
  assert.match(detail, /text message/);
  assert.match(detail, /intimidation/);
  assert.match(detail, /threats/);
  assert.match(detail, /J\. Doe/);
  assert.match(detail, /8\/10/);
  assert.ok(detail.includes(FIRST_NARRATIVE));
  assert.match(detail, /History: 1 version\b/);
  await audit.check(page, '09-incident-detail');

  // A refused form comes back filled in, with the reason as an alert.
  await caseNav('New incident');
  await page.locator('#date').fill('2099-01-01');
  await page.locator('#channel').selectOption('call');
  await page.locator('#narrative').fill('kept text');
  await submit('Record the incident');
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /it is in the future/);
  assert.equal(await page.locator('#narrative').inputValue(), 'kept text');
  await audit.check(page, '10-incident-form-refused');

  // A second incident: another channel, category and month, no time, no subject.
  await caseNav('New incident');
  await page.locator('#date').fill('2025-05-02');
  await page.locator('#channel').selectOption('call');
  await page.locator('input[name=behaviour][value=surveillance]').check();
  await page.locator('input[name=behaviour][value=contacting_employer]').check();
  await page.locator('#narrative').fill(SECOND_NARRATIVE);
  await submit('Record the incident', /\/incidents\/[^/]+$/);
  s.secondIncidentUrl = page.url();
  assert.ok((await bodyText()).includes(SECOND_NARRATIVE));
});

step('correcting an incident keeps both versions in its history', async () => {
  await page.goto(s.firstIncidentUrl);
  await page.getByRole('link', { name: 'Correct this incident' }).click();
  await arrive(page, /\/amend$/);
  s.amendUrl = page.url();
  assert.equal(await h1(), 'Correct an incident');
  // The form starts from the current version.
  assert.equal(await page.locator('#narrative').inputValue(), FIRST_NARRATIVE);
  assert.equal(await page.locator('#date').inputValue(), '2025-03-14');
  assert.equal(await page.locator('#time').inputValue(), '22:10');
  assert.ok(await page.locator('input[name=behaviour][value=threats]').isChecked());
  assert.equal(await page.locator('#subject option:checked').innerText(), SUBJECT);
  await audit.check(page, '11-amend-form');

  await page.locator('#reason').fill('count corrected: 42 texts, not 40');
  await page.locator('#narrative').fill(AMENDED_NARRATIVE);
  await submit('Record the correction', /\/incidents\/[^/]+$/);
  assert.equal(page.url(), s.firstIncidentUrl);
  const detail = await bodyText();
  assert.match(detail, /History: 2 versions/);
  assert.equal((await page.locator('main p.narrative').first().innerText()).trim(), AMENDED_NARRATIVE);
  const versions = await page.locator('ol.versions > li').allInnerTexts();
  assert.equal(versions.length, 2);
  assert.ok(versions[0].includes(AMENDED_NARRATIVE) && /Corrected because: count corrected: 42 texts, not 40/.test(versions[0]) && /current/.test(versions[0]), versions[0]);
  assert.ok(versions[1].includes(FIRST_NARRATIVE) && /First recorded/.test(versions[1]), versions[1]);
  await audit.check(page, '12-incident-history');
});

step('uploading evidence through the file input shows its SHA-256', async () => {
  await caseNav('Evidence');
  assert.equal(await h1(), 'Evidence');
  assert.match(await bodyText(), /Files in this case/);
  await audit.check(page, '13-evidence-empty');

  const xhr = [];
  const onRequest = (r) => { if (r.resourceType() === 'xhr' && r.method() === 'POST') xhr.push(r.url()); };
  page.on('request', onRequest);
  await page.locator('#source').fill("survivor's phone, screenshots of messages");
  await page.locator('#note').fill('Taken on 2025-03-15');
  await page.locator('#files').setInputFiles({ name: EVIDENCE_NAME, mimeType: 'image/png', buffer: EVIDENCE });
  await page.locator('main').getByRole('button', { name: 'Add the files' }).click();
  await arrive(page, /\/evidence\?added=/);
  await page.waitForLoadState('load');
  page.off('request', onRequest);
  s.addedUrl = page.url();
  assert.deepEqual(xhr, [`${cairn.url}/cases/${s.caseId}/evidence`], 'app.js uploaded with XMLHttpRequest (progress shown)');

  const notice = page.locator('main .alert.notice');
  assert.match(await notice.innerText(), /Stored and encrypted/);
  assert.equal(await notice.locator('code.hash').innerText(), EVIDENCE_SHA256, 'the hash shown is the file\'s SHA-256');
  assert.match(await notice.innerText(), new RegExp(EVIDENCE_NAME.replace(/\./g, '\\.')));
  const row = page.locator('main table tbody tr').filter({ hasText: EVIDENCE_NAME });
  assert.equal(await row.locator('code.hash').innerText(), EVIDENCE_SHA256);
  assert.match(await row.innerText(), /1,500,000/);
  await audit.check(page, '14-evidence-added');

  await notice.getByRole('link', { name: EVIDENCE_NAME }).click();
  await arrive(page, /\/evidence\/[^/?]+$/);
  s.evidenceUrl = page.url();
  assert.equal(await h1(), EVIDENCE_NAME);
  const item = await bodyText();
  assert.ok(item.includes(EVIDENCE_SHA256));
  assert.match(item, /image\/png/);
  assert.match(item, /survivor's phone/);
  assert.ok(await page.locator('main table tbody tr').count() >= 1, 'the chain of custody has an entry');
  await audit.check(page, '15-evidence-item');
});

step('the timeline shows everything, and filters by channel, category, type and dates', async () => {
  await caseNav('Timeline');
  assert.equal(page.url(), s.caseUrl);
  const all = await entries();
  assert.equal(all.length, 3, all.join('\n---\n'));
  const text = all.join('\n');
  assert.ok(text.includes('Forty-two texts'), 'the timeline shows the corrected version');
  assert.ok(!text.includes('Forty texts'), 'and not the superseded one');
  assert.ok(text.includes('He called her workplace'));
  assert.ok(text.includes(EVIDENCE_NAME));
  const summary = await page.locator('dl.summary').innerText();
  assert.match(summary, /Incidents\s*2/);
  assert.match(summary, /Evidence\s*1/);
  await audit.check(page, '16-timeline');

  await applyFilters({ 'f-channel': 'text' });
  let shown = await entries();
  assert.equal(shown.length, 1, shown.join('\n'));
  assert.ok(shown[0].includes('Forty-two texts') && /text message/.test(shown[0]) && shown[0].includes(SUBJECT));
  assert.equal(await page.locator('#f-channel').inputValue(), 'text', 'the filter stays selected');
  s.filteredUrl = page.url();
  await audit.check(page, '17-timeline-filter-channel');

  await applyFilters({ 'f-category': 'surveillance' });
  shown = await entries();
  assert.equal(shown.length, 1, shown.join('\n'));
  assert.ok(shown[0].includes('He called her workplace') && /surveillance/.test(shown[0]));
  await audit.check(page, '18-timeline-filter-category');

  await applyFilters({ 'f-from': '2025-03-01', 'f-to': '2025-03-31' });
  shown = await entries();
  assert.equal(shown.length, 1, shown.join('\n'));
  assert.ok(shown[0].includes('Forty-two texts'));
  assert.equal(await page.locator('#f-from').inputValue(), '2025-03-01');
  await audit.check(page, '19-timeline-filter-dates');

  await applyFilters({ 'f-from': '2025-04-01', 'f-to': '2025-12-31', 'f-kind': 'incident' });
  shown = await entries();
  assert.equal(shown.length, 1, shown.join('\n'));
  assert.ok(shown[0].includes('He called her workplace'));

  await applyFilters({ 'f-kind': 'evidence' });
  shown = await entries();
  assert.equal(shown.length, 1, shown.join('\n'));
  assert.ok(shown[0].includes(EVIDENCE_NAME));

  await applyFilters({ 'f-channel': 'call', 'f-category': 'intimidation' });
  assert.equal((await entries()).length, 0);
  assert.match(await bodyText(), /Nothing matches/);
  await audit.check(page, '20-timeline-filter-nothing');

  await page.getByRole('link', { name: 'Clear filters' }).click();
  await arrive(page, s.caseUrl);
  assert.equal((await entries()).length, 3);
});

step('the journal verifies on request', async () => {
  await caseNav('Journal');
  assert.equal(await h1(), 'Journal');
  const size = await page.locator('dl.fields > div').first().locator('dd').innerText();
  const count = Number(size.match(/(\d+) entries/)?.[1]);
  assert.ok(count >= 6, `case, subject, 2 incidents, 1 correction, 1 file: ${size}`);
  assert.match(await page.locator('dl.fields').innerText(), /[0-9a-f]{64}/);
  await audit.check(page, '21-journal');

  await submit('Verify now');
  const status = page.locator('main .alert.notice[role=status]');
  await status.waitFor();
  assert.match(await status.innerText(), new RegExp(`Verified: ${count} entries, every hash, root and signature recomputed`));
  await audit.check(page, '22-journal-verified');
});

step('the export page offers every kind, and an export is listed in the history', async () => {
  await caseNav('Export');
  assert.equal(await h1(), 'Export');
  assert.match(await bodyText(), /Nothing from this case has been exported yet/);
  for (const kind of ['court packet', 'chronology (PDF)', 'chronology (CSV)', 'incidents (CSV)', 'messages (CSV)', 'IC3 worksheet']) {
    await page.getByLabel(kind, { exact: true }).check();
  }
  await audit.check(page, '24-export');

  // The browser profile refuses downloads, so the file is fetched the way
  // the form posts it, with this browser's session cookie and CSRF token.
  const csrf = await page.locator('main form input[name=csrf]').inputValue();
  const response = await browser.context.request.post(`${s.caseUrl}/export`, {
    form: { csrf, kind: 'chronology_csv', recipient: 'Family court, Dept. 4' },
    headers: { Origin: cairn.url },
  });
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-disposition'], /attachment; filename="c-[0-9a-z]+-chronology\.csv"/);
  assert.equal(response.headers()['cache-control'], 'no-store');
  const csv = (await response.body()).toString('utf8');
  assert.ok(csv.startsWith('\ufeffNo.,Date,'), csv.slice(0, 80));
  assert.ok(csv.includes(AMENDED_NARRATIVE), 'the current version of the corrected incident');

  await page.reload();
  assert.match(await page.locator('main table').innerText(), /Family court, Dept\. 4/);
  await audit.check(page, '25-export-history');
});

step('a page that does not exist gets a readable error page', async () => {
  const response = await page.goto(`${cairn.url}/nowhere`);
  assert.equal(response.status(), 404);
  assert.equal(await h1(), 'Something went wrong');
  assert.match(await page.getByRole('alert').innerText(), /This page does not exist/);
  await audit.check(page, '23-error');
  await page.getByRole('link', { name: 'Back to the start' }).click();
  await arrive(page, /\/cases$/);
  assert.ok((await bodyText()).includes(CASE_LABEL));
});

step('switching to Spanish translates every page and sets <html lang="es">', async () => {
  await page.goto(s.caseUrl);
  await switchLanguage('Español');
  assert.equal(page.url(), s.caseUrl, 'the switch comes back to the same page');
  assert.equal(await htmlLang(), 'es');
  const timeline = await bodyText();
  for (const phrase of ['Cronología', 'Salida rápida', 'Personas que causan daño', 'Diario', 'mensaje de texto', 'Aplicar']) {
    assert.ok(timeline.includes(phrase), `"${phrase}" on the Spanish timeline`);
  }
  assert.ok(!/\bTimeline\b|Quick exit/.test(timeline), 'no English left in the frame');
  await audit.check(page, '30-es-timeline');

  const visits = [
    ['31-es-cases', `${cairn.url}/cases`, /Abrir un caso nuevo/],
    ['32-es-timeline-filter', s.filteredUrl, /mensaje de texto/],
    ['33-es-subjects', `${s.caseUrl}/subjects`, /expareja/],
    ['34-es-incident-form', `${s.caseUrl}/incidents/new`, /Registrar un incidente/],
    ['35-es-incident-history', s.firstIncidentUrl, /Corregido porque/],
    ['36-es-amend-form', s.amendUrl, /Corregir un incidente/],
    ['37-es-evidence-added', s.addedUrl, /Guardado y cifrado/],
    ['38-es-evidence-item', s.evidenceUrl, /SHA-256/],
    ['39-es-export', `${s.caseUrl}/export`, /Exportaciones de este caso/],
    ['39-es-checks', `${s.caseUrl}/checks`, /Revisiones de dispositivos y redes/],
    ['39-es-assess-form', `${s.caseUrl}/assessments/danger-screen`, /Puntuar y registrar/],
    ['39-es-resources', `${cairn.url}/resources`, /Buscar ayuda/],
    // Last: the journal page, whose button the next lines press.
    ['39-es-journal', `${s.caseUrl}/journal`, /Diario/],
  ];
  for (const [name, url, expected] of visits) {
    await page.goto(url);
    assert.equal(await htmlLang(), 'es', name);
    assert.match(await bodyText(), expected, name);
    await audit.check(page, name);
  }
  await submit('Verificar ahora');
  assert.match(await page.locator('main .alert.notice').innerText(), /Verificado/);
  await audit.check(page, '40-es-journal-verified');

  const missing = await page.goto(`${cairn.url}/nowhere`);
  assert.equal(missing.status(), 404);
  assert.equal(await h1(), 'Algo salió mal');
  await audit.check(page, '41-es-error');

  await page.goto(`${s.caseUrl}/incidents/new`);
  await page.locator('#date').fill('2099-01-01');
  await page.locator('#narrative').fill('texto conservado');
  await submit('Registrar el incidente');
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /futuro/);
  await audit.check(page, '42-es-incident-form-refused');
});

step('Escape three times leaves for the neutral site, locks the vault, and Back shows no case data', async (t) => {
  await page.goto(s.firstIncidentUrl);
  await page.goto(s.caseUrl);
  assert.ok((await bodyText()).includes(CASE_LABEL));
  const before = neutral.hits.length;

  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(200);
  assert.equal(page.url(), s.caseUrl, 'two presses are not enough');
  await page.keyboard.press('Escape');
  await arrive(page, neutral.url);
  assert.equal(await page.title(), 'Weather forecast');
  assert.ok(neutral.hits.length > before, 'the neutral site was loaded');
  assert.deepEqual(neutral.referers.filter(Boolean), [], 'the neutral site is not told where the visitor came from');
  await audit.screenshot(page, '43-quick-exit-neutral');

  // The beacon locks the vault for everyone, this browser included.
  await eventually(async () => {
    const r = await casesRedirect(browser.context, cairn.url);
    return r.status === 303 && r.location === '/unlock';
  }, { message: 'GET /cases to redirect to /unlock after quick exit' });

  await page.goBack();
  await page.waitForLoadState('load');
  const url = page.url();
  const shown = await bodyText();
  for (const secret of [CASE_LABEL, SUBJECT, 'Forty', 'workplace', EVIDENCE_NAME, EVIDENCE_SHA256, s.caseId]) {
    assert.ok(!shown.includes(secret), `Back must not show "${secret}" (at ${url}):\n${shown}`);
  }
  t.diagnostic(`Back after quick exit landed on ${url}`);
  assert.ok(url === `${cairn.url}/unlock` || url === neutral.url, `Back shows the unlock page or the neutral page, not ${url}`);
  if (url === `${cairn.url}/unlock`) {
    assert.equal(await h1(), 'Desbloquee su bóveda');
    await audit.check(page, '44-es-unlock');
  }
});

step('unlocking again (after a wrong passphrase) shows the case', async () => {
  await page.goto(`${cairn.url}/`);
  await arrive(page, /\/unlock$/);
  await page.locator('#passphrase').fill('not the passphrase at all');
  await submit('Desbloquear');
  const wrong = page.getByRole('alert');
  await wrong.waitFor();
  assert.match(await wrong.innerText(), /no abre esta bóveda/);
  const wrongPage = await bodyText();
  await audit.check(page, '45-es-unlock-wrong');

  await page.locator('#passphrase').fill(PASSPHRASE);
  await submit('Desbloquear', /\/cases$/);
  const row = page.locator('main table tbody tr').filter({ hasText: CASE_LABEL });
  assert.equal(await row.count(), 1);
  await row.getByRole('link', { name: CASE_LABEL }).click();
  await arrive(page, s.caseUrl);
  assert.equal((await entries()).length, 3);
  await audit.screenshot(page, '46-es-case-after-unlock');

  // Whoever looks at the screen must not learn where the vault is: the path
  // usually holds the computer account's name.
  assert.ok(!wrongPage.includes(cairn.vault), `the wrong-passphrase message shows the vault's path:\n${wrongPage}`);
});

test('axe-core: no serious or critical violation on any page, in English or Spanish', (t) => {
  assert.ok(audit.pages.length >= 30 || flow.failed, `audited ${audit.pages.length} pages`);
  const minor = audit.minorViolations();
  if (minor.length) t.diagnostic(`moderate/minor axe findings (not failing):\n${minor.join('\n')}`);
  const review = audit.needsReview();
  if (review.length) t.diagnostic(`axe-core could not decide (needs review, not failing):\n${review.join('\n')}`);
  const serious = audit.seriousViolations();
  assert.equal(serious.length, 0, `axe-core found ${serious.length} serious/critical problem(s):\n${serious.join('\n')}`);
});

test('the CSP holds: no violation reported on any page', (t) => {
  if (audit.consoleErrors.length) t.diagnostic(`other console errors:\n${audit.consoleErrors.join('\n')}`);
  assert.deepEqual(audit.cspViolations, []);
});

test('no request ever left 127.0.0.1', () => {
  assert.deepEqual(audit.foreignRequests, []);
});
