// End-to-end tests of the release build (dist/) in Debian's Chromium, driven by
// playwright-core. The build is served from a sub-path of a local static server, as a
// council member's static host would; every request the page makes is recorded and must
// stay on that server, and none may be made after the page has loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { chromium } = require(path.join(root, '.ci/node_modules/playwright-core'));
const dist = path.join(root, 'dist');
const shots = path.join(root, 'tests/e2e/screenshots');
const SUBPATH = '/kunta/raami/';
const NBSP = '\u00a0';
const MINUS = '\u2212';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json' };
let server;
let origin;
let browser;

before(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(SUBPATH)) { res.writeHead(404); res.end(); return; }
    const rel = url.pathname.slice(SUBPATH.length) || 'index.html';
    const file = path.join(dist, path.normalize(rel));
    if (!file.startsWith(dist) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  fs.mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens the app and returns the page with the list of every request it made. */
async function open() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  // The import worker loads with the page: wait for it, so that "after load" means after it.
  await page.goto(origin + SUBPATH, { waitUntil: 'networkidle' });
  await page.waitForSelector('h1');
  return { page, requests, errors };
}

/** Runs axe-core on the page as it is and fails on any WCAG 2.1 A or AA violation. */
async function assertAxe(page, what = '') {
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    // Evaluated through the debugging protocol: the page's policy lets no injected script run.
    await page.evaluate(fs.readFileSync(path.join(root, '.ci/node_modules/axe-core/axe.min.js'), 'utf8'));
  }
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  assert.deepEqual(summary, [], `${what}: ${summary.join('\n')}`);
}

/** Opens a view from its link, as a shared link would, and waits for its heading. */
async function openLink(fragment, heading) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}${SUBPATH}${fragment}`, { waitUntil: 'networkidle' });
  await page.locator(heading).waitFor();
  return { page, requests };
}

const amount = (page, line, col) =>
  page.locator(`tr[data-line='${line}'] td[data-col='${col}'] .amount`).innerText();
const cell = (page, line, col) => page.locator(`tr[data-line='${line}'] td[data-col='${col}']`).innerText();

test('opens on Hyvinvointitoimiala with the printed figures, from a sub-path', async () => {
  const { page, requests, errors } = await open();
  assert.deepEqual(errors, []);
  assert.equal(await page.locator('h1').innerText(), 'Hyvinvointitoimiala');
  assert.equal(await page.getAttribute('html', 'lang'), 'fi');
  assert.equal(await amount(page, 'toimintakate', 'TP2022'), `${MINUS}28${NBSP}726${NBSP}249`);
  assert.equal(await amount(page, 'henkilostokulut', 'TS2026'), `${MINUS}20${NBSP}592${NBSP}300`);
  // Change over the plan period, and its average yearly growth: 11,76 % over four years is 2,82 % a year.
  assert.equal(await cell(page, 'toimintakate', 'change-pct'), `11,76${NBSP}%`);
  assert.equal(await cell(page, 'toimintakate', 'yearly-pct'), `2,82${NBSP}%`);
  for (const url of requests) assert.ok(url.startsWith(origin + SUBPATH), `request left the app: ${url}`);
  await page.screenshot({ path: path.join(shots, 'sector-fi.png'), fullPage: true });
  await page.close();
});

test('Yhteiset palvelut: follow-up, note and validation, and no request after load', async () => {
  const { page, requests } = await open();
  const loaded = requests.length;
  await page.locator("button[data-node='yhteiset_palvelut']").click();
  assert.equal(await page.locator('h1').innerText(), 'Yhteiset palvelut');
  assert.equal(await cell(page, 'toimintakate', 'poikkeama'), `${MINUS}1${NBSP}009${NBSP}492`);
  assert.equal(await cell(page, 'toimintakate', 'toteuma-pct'), `88,12${NBSP}%`);
  assert.match(await page.locator('#note-1').innerText(), /eivätkä siten ole suoraan vertailukelpoisia/);
  await page.locator("button[data-node='talouspalvelut']").click();
  assert.equal(await amount(page, 'toimintakate', 'TOT2025'), `${MINUS}873${NBSP}448`);
  await page.locator("button[data-node='yhteiset_palvelut']").click();
  await page.screenshot({ path: path.join(shots, 'yhteiset-palvelut-fi.png'), fullPage: true });
  assert.equal(requests.length, loaded, `requests after load: ${requests.slice(loaded).join(', ')}`);
  await page.close();
});

test('keyboard only: tab to a node, open it, switch language', async () => {
  const { page } = await open();
  // Tab from the top: the skip link comes first, then the language buttons, then the tree.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement.dataset.node === 'varhaiskasvatus');
  }
  assert.ok(reached, 'Varhaiskasvatus is reachable with Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('h1').innerText(), 'Varhaiskasvatus');
  assert.equal(await amount(page, 'toimintakate', 'TA2024'), `${MINUS}7${NBSP}913${NBSP}900`);
  await page.locator("button[lang='sv']").focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  assert.equal(await page.locator("tr[data-line='toimintakate'] th").innerText(), 'Verksamhetsbidrag');
  await page.screenshot({ path: path.join(shots, 'varhaiskasvatus-sv.png'), fullPage: true });
  await page.close();
});

test('axe-core finds no WCAG 2.1 AA violations', async () => {
  const { page } = await open();
  for (const node of ['hyvinvointitoimiala', 'yhteiset_palvelut']) {
    await page.locator(`button[data-node='${node}']`).click();
    await assertAxe(page, node);
  }
  // The import summary and the paste box, open.
  await page.locator('#file-input').setInputFiles(path.join(root, 'tests/fixtures/003_057b7abbdb0e3ebc.txt'));
  await page.locator('.import-summary').waitFor();
  await page.locator('.paste summary').click();
  await assertAxe(page, 'import summary');
  await page.close();
});

const seed003 = path.join(root, 'tests/fixtures/003_057b7abbdb0e3ebc.txt');

test('a picked seed file is summarised, then added beside the sample', async () => {
  const { page, requests } = await open();
  const loaded = requests.length;
  await page.locator('#file-input').setInputFiles(seed003);
  const summary = page.locator('.import-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /taulukko ”Kehittämispalvelut” \(rivi 243\): 3 riviä/);
  assert.match(await summary.innerText(), /huomautus liitettiin sarakkeeseen TP 2024/);
  assert.match(await summary.innerText(), /Luvut ovat johdonmukaiset/);
  // Focus moves to the summary.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'import-heading');
  // Nothing changed yet.
  assert.equal(await page.locator('.org-dataset').count(), 1);
  await page.screenshot({ path: path.join(shots, 'import-summary-fi.png'), fullPage: true });
  await page.locator('#import-add').click();
  assert.equal(await page.locator('.org-dataset').count(), 2);
  assert.equal(await page.locator('h1').innerText(), 'Yhteiset palvelut');
  await page.locator("button[data-dataset='1'][data-node='vaalit']").click();
  assert.equal(await amount(page, 'toimintakate', 'TOT2025'), `${MINUS}57${NBSP}385`);
  assert.equal(await cell(page, 'toimintakate', 'toteuma-pct'), `64,92${NBSP}%`);
  // The sample is still there beside it.
  await page.locator("button[data-dataset='0'][data-node='hyvinvointitoimiala']").click();
  assert.equal(await amount(page, 'toimintakate', 'TP2022'), `${MINUS}28${NBSP}726${NBSP}249`);
  assert.equal(requests.length, loaded, `requests after load: ${requests.slice(loaded).join(', ')}`);
  await page.close();
});

test('the page runs no injected inline script or inline event handler', async () => {
  const { page, errors } = await open();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
  // The app itself started (its bootstrap runs by hash).
  assert.equal(await page.locator('h1').innerText(), 'Hyvinvointitoimiala');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedScriptRan = true;';
    document.body.append(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.injectedHandlerRan = true;');
    document.body.append(button);
    button.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { script: window.injectedScriptRan === true, handler: window.injectedHandlerRan === true };
  });
  assert.deepEqual(ran, { script: false, handler: false });
  assert.ok(violations.length >= 2, `expected the policy to refuse both: ${violations.join(' | ')}`);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.doesNotMatch(policy, /script-src[^;]*'unsafe-inline'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a workbook: another sheet is read instead, and the dataset is named before it is added', async () => {
  const { page } = await open();
  // Written by the native tests (tests/import_formats.rs), which run before these.
  const workbook = path.join(root, 'target/e2e-fixtures/kaksi-taulukkoa.xlsx');
  assert.ok(fs.existsSync(workbook), 'the native tests write the workbook first');
  await page.locator('#file-input').setInputFiles(workbook);
  const sheet = page.locator('#import-sheet-0');
  await sheet.waitFor();
  assert.equal(await sheet.inputValue(), 'Vaalit');
  await sheet.selectOption('Kopio');
  await page.waitForFunction(() => document.querySelector('#import-sheet-0')?.value === 'Kopio');
  assert.match(await page.locator(".import-summary").innerText(), /taulukko ”Kopio”/);
  const name = page.locator('#import-name-0-0');
  await name.fill('Kopio-taulukon luvut');
  await name.press('Tab');
  await page.waitForFunction(() => document.querySelector('.import-summary h3')?.textContent.includes('Kopio-taulukon luvut'));
  await assertAxe(page, 'import summary with a sheet and a name to choose');
  await page.locator('#import-add').click();
  assert.match(await page.locator('.org-dataset').nth(1).innerText(), /Kopio-taulukon luvut/);
  assert.equal(await amount(page, 'toimintakate', 'TA2025'), `${MINUS}2`);
  await page.close();
});

test('a real financial statement: figures read from laid-out text, rows left out named before adding, marks that say what a difference is', async () => {
  const { page } = await open();
  // Kauhava's follow-up table (a three-line header, minus signs printed above their figures).
  await page.locator('#file-input').setInputFiles(path.join(root, 'tests/fixtures/real/kauhava-tilinpaatos-2024-toteutuminen.txt'));
  const summary = page.locator('.import-summary');
  await summary.waitFor();
  const text = await summary.innerText();
  assert.match(text, /4 miinusmerkkiä oli omalla rivillään/);
  assert.match(text, /Poikkeaman muodossa Toteuma − TA\+m/);
  assert.match(text, /1 välisummaa jäi vertaamatta/);
  assert.equal(await page.locator('.left-out').count(), 0);
  await page.locator('#import-add').click();
  assert.equal(await amount(page, 'toimintakate', 'TOT2024'), `${MINUS}38${NBSP}396${NBSP}165`);
  assert.equal(await amount(page, 'vuosikate', 'TOT2024'), `9${NBSP}551${NBSP}587`);
  // Poistot printed without one of its parts: marked as not compared, never as rounding.
  const poistot = page.locator("tr[data-line='poistot_ja_arvonalentumiset'] td[data-col='TOT2024'] .mark");
  assert.equal(await poistot.innerText(), '?');
  assert.match(await poistot.getAttribute('title'), /ei verrattu/);
  await page.screenshot({ path: path.join(shots, 'real-kauhava-follow-up.png'), fullPage: true });
  // Seinäjoki's statement prints totals in a second column: those rows are named, and the
  // buttons say how many rows go, before anything is added.
  await page.locator('#file-input').setInputFiles(path.join(root, 'tests/fixtures/real/seinajoki-tilinpaatos-2024-tuloslaskelma.txt'));
  await page.locator('.left-out').waitFor();
  assert.match(await page.locator('.left-out').innerText(), /5 riviä lukuineen jää pois/);
  assert.match(await page.locator('.left-out').innerText(), /”Muut toimintatuotot”/);
  assert.match(await page.locator('#import-add').innerText(), /\(5 riviä jää pois\)/);
  await assertAxe(page, 'import summary with rows left out');
  await page.locator('#import-add').click();
  // The statement says which rows were not read, and leaves what they belong to empty.
  assert.match(await page.locator('.unread-rows h2').innerText(), /Lähteestä jäi lukematta 5 riviä/);
  assert.equal(await amount(page, 'toimintakate', 'TP2024'), `${MINUS}178${NBSP}750${NBSP}051`);
  // Toimintatuotot is not printed and one of its parts was not read: it is not shown at all.
  assert.equal(await page.locator("tr[data-line='toimintatuotot']").count(), 0);
  await page.screenshot({ path: path.join(shots, 'real-seinajoki-unread-rows.png'), fullPage: true });
  await assertAxe(page, 'statement with rows not read');
  await page.close();
});

test('a financial statement given as its PDF: its tables read in the worker, each with its page', async () => {
  const { page } = await open();
  await page.locator('#file-input').setInputFiles(path.join(root, 'tests/fixtures/real/kauhava-tilinpaatos-2024-sivut.pdf'));
  const summary = page.locator('.import-summary');
  await summary.waitFor();
  const text = await summary.innerText();
  assert.match(text, /taulukko ”Tuloslaskelmaosan toteutuminen” \(s\. 2, rivi \d+\)/);
  assert.match(text, /taulukko ”Tuloslaskelma” \(s\. 4, rivi \d+\)/);
  assert.match(text, /4 miinusmerkkiä oli omalla rivillään/);
  await assertAxe(page, 'import summary of a PDF');
  await page.locator('#import-replace').click();
  // The book's first table (Tuloslaskelma ja sen tunnusluvut, in thousands).
  assert.equal(await amount(page, 'toimintakate', 'TP2024'), `${MINUS}38${NBSP}396${NBSP}000`);
  assert.equal(await amount(page, 'vuosikate', 'TP2024'), `9${NBSP}552${NBSP}000`);
  await page.screenshot({ path: path.join(shots, 'real-kauhava-pdf.png'), fullPage: true });
  await page.close();
});

test("a KTAS extract of the State Treasury's open data: no Toimintakate made up, nothing called consistent", async () => {
  const { page } = await open();
  await page.locator('#file-input').setInputFiles(path.join(root, 'tests/fixtures/real/espoo-ktas-2023.csv'));
  await page.locator('.import-summary').waitFor();
  const summary = await page.locator('.import-summary').innerText();
  assert.match(summary, /Toimintakate jäi laskematta \(puuttuu: Valmistevarastojen muutos, Valmistus omaan käyttöön\)/);
  assert.match(summary, /KTAS-koodi 176610 on ”Investointimenot yhteensä \(brutto\)” \(TA 2023\)/);
  assert.match(summary, /Mitään ei voitu verrata/);
  await page.locator('#import-replace').click();
  await page.locator('.validation .verdict').waitFor();
  // Espoo's Vuosikate TA 2023 as filed, 349 083 947,70 €.
  assert.equal(await amount(page, 'vuosikate', 'TA2023'), `349${NBSP}083${NBSP}948`);
  assert.equal(await page.locator("tr[data-line='toimintakate']").count(), 0);
  assert.match(await page.locator('.validation .verdict').innerText(), /^Mitään ei voitu verrata/);
  assert.match(await page.locator('.dataset-extract').innerText(), /rivi, jota siinä ei ole, on tuntematon eikä nolla/);
  await assertAxe(page, 'a KTAS extract');
  await page.close();
});

test('a broken file gets its located message and nothing changes; cancel and replace', async () => {
  const { page } = await open();
  await page.locator('#file-input').setInputFiles({ name: 'tyhjä.csv', mimeType: 'text/csv', buffer: Buffer.from('Selite;TP 2024;TA 2025\n') });
  await page.locator('.import-summary').waitFor();
  assert.match(await page.locator('.import-summary [role=alert]').innerText(), /tyhjä\.csv: otsikkorivin alla ei ole yhtään lukua/);
  assert.equal(await page.locator('#import-add').count(), 0);
  await page.locator('#import-cancel').click();
  assert.equal(await page.locator('.import-summary').count(), 0);
  assert.equal(await page.locator('h1').innerText(), 'Hyvinvointitoimiala');
  // A CSV replaces the sample when asked to.
  const csv = 'Selite;TA 2025;Toteuma 2025\nToimintatuotot;0;1 500\nToimintakulut;-67 100;-57 829\n';
  await page.locator('#file-input').setInputFiles({ name: 'tarkastustoimi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('#import-replace').click();
  assert.equal(await page.locator('.org-dataset').count(), 1);
  assert.equal(await page.locator('h1').innerText(), 'tarkastustoimi');
  assert.equal(await amount(page, 'toimintakate', 'TOT2025'), `${MINUS}56${NBSP}329`);
  await page.close();
});

test('a reader that stops mid-file is noticed and restarted: the other files and the data loaded stay', async () => {
  const { page } = await open();
  // Make the worker fail on the next file it is given, as a trap (a panic, memory exhausted)
  // would: its handler throws, and the page hears of it only through the worker's error event.
  const [worker] = page.workers();
  assert.ok(worker, 'the import worker runs with the page');
  await worker.evaluate(() => {
    self.onmessage = () => {
      throw new Error('RuntimeError: unreachable');
    };
  });
  // Heinola's TA 2024 by the State Treasury's codes (seed 004), in their published column names.
  const ktas = 'business_id,reporting_year,indicator_code,value_raw\n0149554-8,2024,16,2688600\n0149554-8,2024,632,32611450\n0149554-8,2024,545,-29922850\n';
  await page.locator('#file-input').setInputFiles([
    { name: 'kaatuva.csv', mimeType: 'text/csv', buffer: Buffer.from(ktas) },
    { name: 'ktas.csv', mimeType: 'text/csv', buffer: Buffer.from(ktas) },
  ]);
  await page.locator('.import-summary').waitFor();
  const summary = await page.locator('.import-summary').innerText();
  assert.match(summary, /kaatuva\.csv: tiedoston lukija pysähtyi kesken lukemisen \(.*unreachable.*\)/);
  assert.match(summary, /ktas\.csv/);
  await page.locator('#import-add').click();
  assert.equal(await page.locator('.org-dataset').count(), 2);
  assert.equal(await amount(page, 'toimintakate', 'TA2024'), `${MINUS}29${NBSP}922${NBSP}850`);
  // The fresh reader reads the next import as well.
  await page.locator('#file-input').setInputFiles({ name: 'uudelleen.csv', mimeType: 'text/csv', buffer: Buffer.from(ktas) });
  await page.locator('.import-summary').waitFor();
  assert.doesNotMatch(await page.locator('.import-summary').innerText(), /pysähtyi/);
  await page.close();
});

test('two drops in the same moment: each file keeps its own name and result', async () => {
  const { page } = await open();
  // Kauhava's Tilinpäätös 2024 (p. 126) and Heinola's TA 2024 by KTAS code (seed 004).
  const kauhava = 'Selite;TP 2024\nToimintakate;-38 396 165,19\nVuosikate;9 551 587,40\nTilikauden tulos;4 161 531,04\n';
  const ktas = 'business_id,reporting_year,indicator_code,value_raw\n0149554-8,2024,16,2688600\n0149554-8,2024,632,32611450\n0149554-8,2024,545,-29922850\n';
  await page.evaluate(([first, second]) => {
    const target = document.querySelector('.app');
    for (const [name, content] of [['kauhava.csv', first], ['heinola-ktas.csv', second]]) {
      const data = new DataTransfer();
      data.items.add(new File([content], name, { type: 'text/csv' }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, [kauhava, ktas]);
  await page.waitForFunction(() => document.querySelectorAll('.import-summary h3').length === 2);
  const files = (await page.locator('.import-summary h3').allInnerTexts()).join('|');
  assert.match(files, /kauhava\.csv/);
  assert.match(files, /heinola-ktas\.csv/);
  await page.locator('#import-add').click();
  assert.equal(await page.locator('.org-dataset').count(), 3);
  await page.close();
});

test('the worst malformed inputs in the browser: located messages, the page survives, the data stays', async () => {
  const { page, errors } = await open();
  const MAX = '79228162514264337593543950335';
  // A package whose organisation is a chain, each node the parent of the next (as tests/overflow.rs).
  const chain = (depth) => {
    const org = [...Array(depth).keys()].map((i) => ({ id: `n${i}`, name: `N${i}`, level: 'muu', ...(i ? { parent: `n${i - 1}` } : {}) }));
    return JSON.stringify({ format: 'raami-package', version: 1, datasets: [{ id: 'c', name: 'Ketju', columns: [{ id: 'TA2025', year: 2025, kind: 'TA' }], org, figures: { [`n${depth - 1}`]: { toimintakate: { TA2025: '-5' } } } }] });
  };
  const workbook = path.join(root, 'target/e2e-fixtures/laaja.xlsx');
  assert.ok(fs.existsSync(workbook), 'the native tests write the workbook first');
  await page.locator('#file-input').setInputFiles([
    { name: 'syva.json', mimeType: 'application/json', buffer: Buffer.from(chain(3000)) },
    { name: 'ylivuoto.csv', mimeType: 'text/csv', buffer: Buffer.from(`Selite;TP 2024\nMyyntituotot;${MAX}\nMaksutuotot;${MAX}\n`) },
    { name: 'laaja.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fs.readFileSync(workbook) },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('.import-summary h3').length === 3, null, { timeout: 60000 });
  const summary = await page.locator('.import-summary').innerText();
  assert.match(summary, /syva\.json.*solmu ”n33” on yli 32 tasoa/s);
  assert.match(summary, /laaja\.xlsx.*taulukossa on 49152000 solua/s);
  assert.match(summary, /ylivuoto\.csv/);
  // The overflowing figures are read; the sum that does not fit is not shown as a figure.
  await page.locator('#import-add').click();
  assert.equal(await page.locator('.org-dataset').count(), 2);
  assert.equal(await page.locator('h1').innerText(), 'ylivuoto');
  const max = `79${NBSP}228${NBSP}162${NBSP}514${NBSP}264${NBSP}337${NBSP}593${NBSP}543${NBSP}950${NBSP}335`;
  assert.equal(await amount(page, 'myyntituotot', 'TP2024'), max);
  assert.equal(await amount(page, 'maksutuotot', 'TP2024'), max);
  assert.equal(await page.locator("tr[data-line='toimintatuotot']").count(), 0);
  // A chain 30 deep opens at once, its figure rolled up to the top.
  await page.locator('#file-input').setInputFiles({ name: 'ketju.json', mimeType: 'application/json', buffer: Buffer.from(chain(30)) });
  await page.locator('#import-add').click();
  assert.equal(await page.locator('.org-dataset').count(), 3);
  assert.deepEqual(errors, []);
  await page.close();
});

test('pasted text and dropped files are read too', async () => {
  const { page } = await open();
  await page.locator('.paste summary').click();
  const text = fs.readFileSync(seed003, 'utf8');
  await page.locator('#paste-area').fill(text);
  await page.locator('.paste button').click();
  await page.locator('.import-summary').waitFor();
  assert.match(await page.locator('.import-summary h3').first().innerText(), /liitetty teksti/);
  await page.locator('#import-cancel').click();
  // Drop a file on the page.
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'pudotettu.txt', { type: 'text/plain' }));
    const target = document.querySelector('.app');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await page.locator('.import-summary').waitFor();
  assert.match(await page.locator('.import-summary h3').first().innerText(), /pudotettu\.txt/);
  await page.close();
});

/** A ledger of units × accounts × columns, expenses positive, as `raami`'s benchmark makes it. */
function ledger(units, accounts, columns) {
  const bases = [3000, 3200, 3300, 3400, 4000, 4300, 4500, 4700, 4800];
  const parts = ['yksikkö;tili;sarake;euroa\n'];
  for (let u = 0; u < units; u++) {
    for (let a = 0; a < accounts; a++) {
      const account = bases[a % 9] + Math.floor(a / 9);
      let chunk = '';
      for (let c = 0; c < columns; c++) {
        const year = 2000 + Math.floor(c / 2);
        const kind = c % 2 === 0 ? 'TP' : 'TA';
        const euros = 1000 + ((u * 7 + a * 13 + c * 17) % 900000);
        chunk += `Vastuualue ${u};${account};${kind} ${year};${Math.floor(euros / 1000)} ${String(euros % 1000).padStart(3, '0')},${String((a + c) % 100).padStart(2, '0')}\n`;
      }
      parts.push(chunk);
    }
  }
  return parts.join('');
}

const bigLedger = path.join(shots, 'ledger-1m.csv');

test('a 1 000 000-row ledger is read in the worker with progress; the page stays responsive', async () => {
  fs.writeFileSync(bigLedger, ledger(100, 250, 40));
  const { page, requests } = await open();
  const loaded = requests.length;
  await page.locator('#file-input').setInputFiles(bigLedger);
  await page.locator('#import-progress').waitFor();
  // The page answers while the worker reads: switch the language and back.
  await page.locator("button[lang='en']").click();
  assert.equal(await page.locator('tr[data-line=toimintakate] th').innerText(), 'Operating margin');
  await page.locator("button[lang='fi']").click();
  await page.locator('.import-summary').waitFor({ timeout: 120000 });
  const text = await page.locator('.import-summary').innerText();
  assert.match(text, /1000000 tilinumeroriviä laskettiin yhteen/);
  assert.match(text, /kulut on esitetty positiivisina/);
  await page.locator('#import-replace').click();
  assert.equal(await page.locator('.org-node').count(), 100);
  assert.equal(requests.length, loaded, `requests after load: ${requests.slice(loaded).join(', ')}`);
  await page.close();
});

test('cancelling a large import stops it; nothing of it arrives', async () => {
  const { page } = await open();
  await page.locator('#file-input').setInputFiles(bigLedger);
  await page.locator('#import-progress').waitFor();
  await page.locator('#import-stop').click();
  assert.equal(await page.locator('#import-progress').count(), 0);
  // A small import after the cancel shows only its own result.
  await page.locator('#file-input').setInputFiles({ name: 'pieni.csv', mimeType: 'text/csv', buffer: Buffer.from('Selite;TA 2025;Toteuma 2025\nToimintatuotot;0;1 500\n') });
  await page.locator('.import-summary').waitFor();
  const headings = await page.locator('.import-summary h3').allInnerTexts();
  assert.deepEqual(headings, ['pieni.csv → pieni']);
  assert.equal(await page.locator('h1').innerText(), 'Hyvinvointitoimiala');
  await page.close();
  fs.rmSync(bigLedger, { force: true });
});

test('the mapping step maps an unknown header and label, applies at once and is remembered', async () => {
  const { page } = await open();
  const csv = () => Buffer.from(`Selite;TA 2025;TS 2026;Kehys 2027;Huom.\nToimintatuotot;0;50;100;\nPalkat yhteensä;-50 000;-51 000;-52 000;arvio\nPalvelujen ostot;-10 000;-10 500;-11 000;\n`);
  await page.locator('#file-input').setInputFiles({ name: 'uusi.csv', mimeType: 'text/csv', buffer: csv() });
  await page.locator('.mapping-step').waitFor();
  const found = await page.locator('.mapping-table th[scope=row]').allInnerTexts();
  assert.deepEqual(found, ['Kehys 2027', 'Huom.', 'Palkat yhteensä']);
  // The header's year is offered from its text; choosing the kind applies the mapping.
  assert.equal(await page.locator('#map-year-0').inputValue(), '2027');
  await page.locator('#map-column-0').selectOption('TA');
  // The files are read again with the choice: the header is no longer unknown.
  await page.waitForFunction(() => document.querySelector('.mapping-table th[scope=row]')?.textContent === 'Huom.');
  await page.locator('#map-column-0').selectOption('ignore');
  await page.waitForFunction(() => [...document.querySelectorAll('.mapping-table th[scope=row]')].map((e) => e.textContent).join('|') === 'Palkat yhteensä');
  await page.locator('#map-line-0').selectOption('henkilostokulut');
  await page.waitForFunction(() => !document.querySelector('.mapping-step'));
  assert.doesNotMatch(await page.locator('.import-summary').innerText(), /Varoitukset/);
  await page.locator('#import-replace').click();
  assert.equal(await amount(page, 'henkilostokulut', 'TA2027'), `${MINUS}52${NBSP}000`);
  assert.equal(await amount(page, 'toimintakate', 'TA2027'), `${MINUS}62${NBSP}900`);
  // The next file of the same shape needs no mapping: it is remembered on this machine.
  await page.reload({ waitUntil: 'networkidle' });
  await page.locator('#file-input').setInputFiles({ name: 'toinen.csv', mimeType: 'text/csv', buffer: csv() });
  await page.locator('.import-summary').waitFor();
  assert.equal(await page.locator('.mapping-step').count(), 0);
  assert.doesNotMatch(await page.locator('.import-summary').innerText(), /Varoitukset/);
  await page.close();
});

test('a file with no header Raami knows is previewed and its header mapped', async () => {
  const { page } = await open();
  const csv = Buffer.from('Rivi;Kehys 2026;Kehys 2027\nToimintatuotot;100;110\nToimintakulut;-90;-95\n');
  await page.locator('#file-input').setInputFiles({ name: 'kehys.csv', mimeType: 'text/csv', buffer: csv });
  await page.locator('.import-summary .preview-table').waitFor();
  assert.match(await page.locator('.import-summary [role=alert]').innerText(), /kehys\.csv: otsikkoriviä ei löytynyt/);
  assert.deepEqual(await page.locator('.preview-table tr').first().locator('td').allInnerTexts(), ['Rivi', 'Kehys 2026', 'Kehys 2027']);
  // Every cell of the row is offered: a long table's first column has a role too.
  assert.deepEqual(await page.locator('.mapping-table th[scope=row]').allInnerTexts(), ['Rivi', 'Kehys 2026', 'Kehys 2027']);
  await page.locator('#map-column-1').selectOption('TA');
  // One year column named makes the row a header: the other is then the one left to map.
  await page.waitForFunction(() => [...document.querySelectorAll('.mapping-table th[scope=row]')].map((e) => e.textContent).join('|') === 'Kehys 2027');
  await page.locator('#map-column-0').selectOption('TS');
  await page.locator('#import-add').waitFor();
  await page.locator('#import-add').click();
  assert.equal(await page.locator('h1').innerText(), 'kehys');
  assert.equal(await amount(page, 'toimintakate', 'TA2026'), '10');
  assert.equal(await amount(page, 'toimintakate', 'TS2027'), '15');
  await page.close();
});

test("a long table's columns are named in the mapping step and read by their roles", async () => {
  const { page } = await open();
  // Heinola's TA 2024 by the State Treasury's codes (seed 004), under headers Raami does not know.
  const csv = Buffer.from('Raportoija;Tilivuosi;KTAS-koodi;Arvo euroina\nHeinola;2024;16;2688600\nHeinola;2024;632;32611450\nHeinola;2024;545;-29922850\n');
  await page.locator('#file-input').setInputFiles({ name: 'raportti.csv', mimeType: 'text/csv', buffer: csv });
  await page.locator('.import-summary .preview-table').waitFor();
  assert.deepEqual(await page.locator('.mapping-table th[scope=row]').allInnerTexts(), ['Raportoija', 'Tilivuosi', 'KTAS-koodi', 'Arvo euroina']);
  const roles = ['role:org', 'role:year', 'role:code'];
  for (const [index, role] of roles.entries()) {
    await page.locator(`#map-column-${index}`).selectOption(role);
    await page.waitForFunction(([id, value]) => document.querySelector(id)?.value === value, [`#map-column-${index}`, role]);
  }
  await page.locator('#map-column-3').selectOption('role:value');
  await page.locator('#import-add').waitFor();
  assert.equal(await page.locator('.mapping-step').count(), 0);
  await page.locator('#import-add').click();
  assert.equal(await page.locator('h1').innerText(), 'Heinola');
  assert.equal(await amount(page, 'toimintakate', 'TA2024'), `${MINUS}29${NBSP}922${NBSP}850`);
  assert.equal(await amount(page, 'toimintakulut', 'TA2024'), `${MINUS}32${NBSP}611${NBSP}450`);
  await page.close();
});

test('views open from their links; back and forward move between them', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}${SUBPATH}#/toteuma/heinola/yhteiset_palvelut?lang=fi`, { waitUntil: 'networkidle' });
  await page.locator('#followup-heading').waitFor();
  assert.equal(await page.locator('#followup-heading').innerText(), 'Yhteiset palvelut');
  assert.equal(await page.locator("tr[data-line='toimintakate'] td[data-col='poikkeama']").innerText(), `${MINUS}1${NBSP}009${NBSP}492`);
  assert.match(await page.locator("tr[data-line='poistot_ja_arvonalentumiset'] td[data-col='effect']").innerText(), /heikompi kuin talousarvio/);
  await page.locator('#sort-deviation').click();
  assert.equal(await page.locator('.follow-up-table tbody tr').first().getAttribute('data-line'), 'palvelujen_ostot');
  // The order is in the link too.
  assert.match(page.url(), /jarj=suurin/);
  await page.screenshot({ path: path.join(shots, 'follow-up-fi.png'), fullPage: true });
  // Move on: statement view, another node; then back twice and forward once.
  await page.locator('#view-taulukko').click();
  await page.locator("button[data-node='vaalit']").click();
  assert.match(page.url(), /#\/taulukko\/heinola\/vaalit\?lang=fi/);
  await page.goBack();
  assert.match(page.url(), /#\/taulukko\/heinola\/yhteiset_palvelut/);
  assert.equal(await page.locator('h1').innerText(), 'Yhteiset palvelut');
  await page.goBack();
  await page.locator('#followup-heading').waitFor();
  await page.goForward();
  await page.locator('#statement-heading').waitFor();
  // A reload keeps the view.
  await page.locator("button[lang='en']").click();
  await page.reload({ waitUntil: 'networkidle' });
  assert.equal(await page.locator("tr[data-line='toimintakate'] th").innerText(), 'Operating margin');
  for (const url of requests) assert.ok(url.startsWith(origin + SUBPATH), `request left the app: ${url}`);
  // axe on the follow-up view.
  await page.locator('#view-toteuma').click();
  await assertAxe(page);
  await page.close();
});

test('the breakdown view drills down and back up, sorted and checked with axe', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${origin}${SUBPATH}#/erittely/heinola/hyvinvointitoimiala?lang=fi&line=henkilostokulut&col=TS2026`, { waitUntil: 'networkidle' });
  await page.locator('#breakdown-heading').waitFor();
  assert.equal(await page.locator('#breakdown-heading').innerText(), 'Hyvinvointitoimiala');
  // Seed 004, Henkilöstökulut TS 2026: Opetus −12 225 700 of the sector's −20 592 300.
  assert.equal(await page.locator("tr[data-org='opetus_ja_koulutuspalvelut'] td[data-col='amount']").innerText(), `${MINUS}12${NBSP}225${NBSP}700`);
  assert.equal(await page.locator("tr[data-org='opetus_ja_koulutuspalvelut'] td[data-col='share']").innerText(), `59,37${NBSP}%`);
  assert.equal(await page.locator("td[data-col='total']").innerText(), `${MINUS}20${NBSP}592${NBSP}300`);
  await page.locator('#sort-amount').click();
  assert.equal(await page.locator('.breakdown-table tbody tr').first().getAttribute('data-org'), 'opetus_ja_koulutuspalvelut');
  await page.screenshot({ path: path.join(shots, 'breakdown-fi.png'), fullPage: true });
  await assertAxe(page);
  // The chart sums it up; clicking a unit's bar drills into it (sorted by amount:
  // Opetus, Varhaiskasvatus, Virikkeellinen elämä, HyTe), then back up by the breadcrumb.
  assert.equal(await page.locator('.breakdown figcaption').first().innerText(),
    `Henkilöstökulut, TS 2026, 4 yksikköä: suurin Opetus- ja koulutuspalvelut ${MINUS}12${NBSP}225${NBSP}700 € (59,37${NBSP}%).`);
  const box = await page.locator('.breakdown canvas').first().boundingBox();
  await page.mouse.click(box.x + 12 + (box.width - 24) * 3 / 8, box.y + 100);
  assert.equal(await page.locator('#breakdown-heading').innerText(), 'Varhaiskasvatus');
  await page.locator('.breakdown .breadcrumbs button', { hasText: 'Hyvinvointitoimiala' }).click();
  // Drill into a unit by its name in the table, then back up by the breadcrumb.
  await page.locator("tr[data-org='varhaiskasvatus'] button").click();
  assert.equal(await page.locator('#breakdown-heading').innerText(), 'Varhaiskasvatus');
  assert.match(await page.locator('.breakdown').innerText(), /ei ole alayksiköitä/);
  await page.locator('.breakdown .breadcrumbs button', { hasText: 'Hyvinvointitoimiala' }).click();
  assert.equal(await page.locator('#breakdown-heading').innerText(), 'Hyvinvointitoimiala');
  await page.close();
});

test('figures per resident and at fixed prices, stated on the view and kept in the link', async () => {
  const { page } = await open();
  await page.locator('.basis summary').click();
  // An invented population and index, round enough to check by hand.
  const population = { 2022: '18 500', 2023: '18 400', 2024: '18 300', 2025: '18 200', 2026: '18 100' };
  const index = { 2022: '100', 2023: '105', 2024: '110', 2025: '112', 2026: '114' };
  for (const [year, value] of Object.entries(population)) await page.locator(`#population-${year}`).fill(value);
  for (const [year, value] of Object.entries(index)) await page.locator(`#index-${year}`).fill(value);
  await page.locator('#basis-prices').focus();
  await page.locator('#basis-per-resident').check();
  await page.locator('#basis-prices').selectOption('2024');
  // Toimintakate TP 2022: −28 726 249 × 110 / 100 / 18 500 = −1 708,05 €/resident.
  assert.equal(await amount(page, 'toimintakate', 'TP2022'), `${MINUS}1${NBSP}708`);
  assert.match(await page.locator('.statement-table caption').innerText(), /€\/asukas, vuoden 2024 hinnoin/);
  assert.match(page.url(), /per=asukas&hinnat=2024/);
  // Without the population of 2023, its column goes, and the view says why.
  await page.locator('#population-2023').fill('');
  await page.locator('#population-2023').blur();
  assert.match(await page.locator('.basis-missing').innerText(), /Vuoden 2023 väkiluku puuttuu/);
  assert.equal(await page.locator("th[data-col='TA2023']").count(), 0);
  // The population and index are kept on this machine: a reload shows the same figures.
  await page.locator('#population-2023').fill('18 400');
  await page.locator('#population-2023').blur();
  await page.reload({ waitUntil: 'networkidle' });
  assert.equal(await amount(page, 'toimintakate', 'TP2022'), `${MINUS}1${NBSP}708`);
  await page.close();
});

test('the trend chart: summary, exact figure on hover, legend toggles, redraw on resize', async () => {
  const { page } = await open();
  const chart = page.locator('.trend-chart');
  assert.equal(await chart.locator('figcaption').innerText(),
    `Toimintakate laskee 3${NBSP}377${NBSP}551 (€): TP 2022 ${MINUS}28${NBSP}726${NBSP}249, TS 2026 ${MINUS}32${NBSP}103${NBSP}800.`);
  assert.equal(await chart.locator('canvas').getAttribute('role'), 'img');
  // Hover over the first bar (the charts are under the table): its exact figure, as the
  // table shows it.
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.locator('canvas').boundingBox();
  await page.mouse.move(box.x + 12 + (box.width - 24) / 10, box.y + 100);
  assert.equal(await chart.locator('.chart-tooltip').innerText(), `Toimintakate · TP 2022: ${MINUS}28${NBSP}726${NBSP}249 €`);
  // The canvas is drawn at the screen's pixel ratio.
  const ratio = await page.evaluate(() => window.devicePixelRatio);
  assert.equal(await chart.locator('canvas').evaluate((c) => c.width), await chart.locator('canvas').evaluate((c) => Math.round(c.clientWidth * window.devicePixelRatio)));
  assert.ok(ratio >= 1);
  // Hiding the plan years leaves three bars.
  await chart.locator("button[data-kind='TS']").click();
  assert.deepEqual(await chart.locator('.chart-labels span').allInnerTexts(), ['TP 2022', 'TA 2023', 'TA 2024']);
  await page.screenshot({ path: path.join(shots, 'chart-fi.png') });
  // Every resize redraws, not only the first.
  for (const width of [900, 1200, 1000]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.waitForFunction(() => document.querySelector('.chart-canvas').width === Math.round(document.querySelector('.chart-canvas').clientWidth * window.devicePixelRatio));
  }
  await page.close();
});

test('one line across the tree and the years: amounts, change, share; a link and axe', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${origin}${SUBPATH}#/rivi/heinola/hyvinvointitoimiala?lang=fi&line=henkilostokulut`, { waitUntil: 'networkidle' });
  await page.locator('#across-heading').waitFor();
  assert.equal(await page.locator('#across-heading').innerText(), 'Henkilöstökulut: Heinola');
  // Seed 004: Varhaiskasvatus TP 2022 −5 903 322 … TS 2026 −6 246 500.
  assert.equal(await page.locator("tr[data-org='varhaiskasvatus'] td[data-col='TP2022']").innerText(), `${MINUS}5${NBSP}903${NBSP}322`);
  assert.equal(await page.locator("tr[data-org='varhaiskasvatus'] td[data-col='TS2026']").innerText(), `${MINUS}6${NBSP}246${NBSP}500`);
  await page.locator('#measure-osuus').click();
  assert.match(page.url(), /mitta=osuus/);
  assert.equal(await page.locator("tr[data-org='opetus_ja_koulutuspalvelut'] td[data-col='TS2026']").innerText(), `59,37${NBSP}%`);
  await page.locator('#measure-muutos').click();
  assert.equal(await page.locator("tr[data-org='hyvinvointitoimiala'] td[data-col='TS2026']").innerText(), `${MINUS}1${NBSP}628${NBSP}088`);
  await page.screenshot({ path: path.join(shots, 'across-fi.png'), fullPage: true });
  await assertAxe(page);
  await page.close();
});

test('goals and investments: statuses counted per strategic aim, a table per unit, in three languages', async () => {
  const { page, requests } = await openLink('#/tavoitteet/heinola/yhteiset_palvelut?lang=fi', '#goals-heading');
  assert.equal(await page.locator('#goals-heading').innerText(), 'Yhteiset palvelut');
  // Seed 003: four aims, each with a council goal and an operating-plan goal.
  const row = (aim) => page.locator('.status-table tbody tr', { hasText: aim });
  assert.equal(await row('Hyvinvoinnin kasvu').locator("td[data-status='met']").innerText(), '1');
  assert.equal(await row('Hyvinvoinnin kasvu').locator("td[data-status='partly']").innerText(), '1');
  assert.equal(await row('Kestävä talous').locator("td[data-status='met']").innerText(), '2');
  assert.equal(await page.locator(".status-table tfoot td[data-status='met']").innerText(), '6');
  assert.equal(await page.locator(".status-table tfoot td[data-status='partly']").innerText(), '2');
  assert.equal(await page.locator(".status-table tfoot td[data-col='total']").innerText(), '8');
  // The council's table: Vahva kaupunkiyhteisö came out partly, marked by a symbol and words.
  const council = page.locator(".goals-table[data-level='valtuusto']");
  assert.match(await council.locator('caption').innerText(), /Valtuustoon nähden sitovat tavoitteet 2025/);
  assert.equal(await council.locator('tbody tr').nth(2).locator("td[data-col='status']").innerText(), '◐Toteutuu osittain');
  const plan = page.locator(".goals-table[data-level='kayttosuunnitelma']");
  assert.equal(await plan.locator('tbody tr').count(), 4);
  assert.match(await plan.locator('tbody tr').nth(1).innerText(), /Elinkeinopalveluiden uuden toimintamallin toteutus yhteistyössä Ladecin kanssa/);
  // The unit's investments are in its section.
  assert.equal(await page.locator(".goal-unit[data-org='yhteiset_palvelut'] .investments-table").count(), 1);
  // Its projects too: five, whose total funding adds up to the printed 818 629.
  const projects = page.locator(".goal-unit[data-org='yhteiset_palvelut'] .projects-table");
  assert.equal(await projects.locator('tbody tr').count(), 5);
  assert.equal(await projects.locator("td[data-col='funding-total']").innerText(), `818${NBSP}629`);
  assert.equal(await projects.locator("tr[data-project='naturefin'] td[data-col='funding']").innerText(), `249${NBSP}800`);
  assert.equal(await projects.locator("tr[data-project='naturefin'] td[data-col='share']").innerText(), `6,00${NBSP}%`);
  assert.match(await projects.locator("tr[data-project='paijat_hame_digitiedolla_tulevaisuuteen'] td[data-col='share']").innerText(), /Heinolan osuus 3 %/);
  // And its six risks, each rated 1–3 twice, with the score.
  const risks = page.locator(".goal-unit[data-org='yhteiset_palvelut'] .risks-table");
  assert.equal(await risks.locator('tbody tr').count(), 6);
  const disinfo = risks.locator('tbody tr', { hasText: 'Disinformaatio' });
  assert.equal(await disinfo.locator("td[data-col='score']").innerText(), '4');
  await page.screenshot({ path: path.join(shots, 'goals-fi.png'), fullPage: true });
  await assertAxe(page, 'goals');
  await page.locator("button[lang='sv']").click();
  assert.match(await page.locator('.status-table thead').innerText(), /Uppnås delvis/);
  assert.match(page.url(), /#\/tavoitteet\/heinola\/yhteiset_palvelut\?lang=sv/);
  // A sector with no goals in the data says so, and still shows its investments.
  await page.locator("button[data-node='hyvinvointitoimiala']").click();
  assert.equal(await page.locator('.status-table').count(), 0);
  for (const url of requests) assert.ok(url.startsWith(origin + SUBPATH), `request left the app: ${url}`);
  await page.close();
});

/** The point over slot `index` of `slots` on a chart's canvas, `dy` px below its top. */
async function slotPoint(canvas, index, slots, dy = 100) {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  return { x: box.x + 12 + (box.width - 24) * (index + 0.5) / slots, y: box.y + dy };
}

test('the waterfall steps from revenue to the result; a bar or Enter drills into its line', async () => {
  const { page, requests } = await openLink('#/taulukko/heinola/hyvinvointitoimiala?lang=fi', '#statement-heading');
  const chart = page.locator('.waterfall-chart');
  // Seed 004, TS 2026: Toimintakate −32 103 800, and Tilikauden tulos at the end.
  assert.match(await chart.locator('figcaption').innerText(), new RegExp(`^TS 2026 \\(€\\): tuotot .*Toimintakate ${MINUS}32${NBSP}103${NBSP}800`));
  assert.equal(await chart.locator("tr[data-step='toimintakate'] td[data-col='step']").innerText(), `${MINUS}32${NBSP}103${NBSP}800`);
  const steps = await chart.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.step));
  assert.equal(steps[0], 'toimintatuotot');
  assert.equal(steps.at(-1), 'tilikauden_tulos');
  // The chart's steps are the table's rows, bar for row.
  assert.equal(await chart.locator('.chart-labels span').count(), steps.length);
  // Every step's name is whole: no word broken over two lines (`Henkilöstök ulut`), at this
  // width and at a phone's.
  const brokenWords = () => chart.locator('.chart-labels span').evaluateAll((spans) => spans.flatMap((span) => {
    const text = span.firstChild;
    if (!text) return [];
    const broken = [];
    for (const match of text.data.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      if (range.getClientRects().length > 1) broken.push(match[0]);
    }
    return broken;
  }));
  assert.deepEqual(await brokenWords(), []);
  await page.setViewportSize({ width: 390, height: 844 });
  assert.deepEqual(await brokenWords(), []);
  await page.setViewportSize({ width: 1400, height: 1000 });
  // Hover over Henkilöstökulut: its exact figure, as in the statement.
  const canvas = chart.locator('canvas');
  const i = steps.indexOf('henkilostokulut');
  const point = await slotPoint(canvas, i, steps.length);
  await page.mouse.move(point.x, point.y);
  assert.equal(await chart.locator('.chart-tooltip').innerText(), `Henkilöstökulut · TS 2026: ${MINUS}20${NBSP}592${NBSP}300 €`);
  // Another column.
  await page.locator('#waterfall-column').selectOption('TP2022');
  assert.equal(await chart.locator("tr[data-step='toimintakate'] td[data-col='step']").innerText(), `${MINUS}28${NBSP}726${NBSP}249`);
  // The chart's choices are in the link: a reload shows the same.
  // The link follows the choice once the page has drawn it (waited for, not raced).
  await page.waitForURL(/col=TP2022/, { timeout: 10000 });
  await page.locator('#chart-line').selectOption('henkilostokulut');
  await page.waitForURL(/line=henkilostokulut&col=TP2022/, { timeout: 10000 });
  await page.reload({ waitUntil: 'networkidle' });
  await page.locator('#statement-heading').waitFor();
  assert.match(await page.locator('.trend-chart figcaption').innerText(), /^Henkilöstökulut /);
  assert.equal(await chart.locator("tr[data-step='toimintakate'] td[data-col='step']").innerText(), `${MINUS}28${NBSP}726${NBSP}249`);
  await page.locator('#chart-line').selectOption('toimintakate');
  await page.screenshot({ path: path.join(shots, 'waterfall-fi.png'), fullPage: true });
  // Keyboard: focus the chart, arrow to the second step, Enter opens its breakdown.
  await page.mouse.move(0, 0);
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.match(await chart.locator('.chart-tooltip').innerText(), new RegExp(`^${await chart.locator('tbody tr').nth(1).locator('th').innerText()} · TP 2022: `));
  await page.keyboard.press('Enter');
  await page.locator('#breakdown-heading').waitFor();
  assert.match(page.url(), new RegExp(`#/erittely/heinola/hyvinvointitoimiala\\?lang=fi&line=${steps[1]}&col=TP2022`));
  // Back, and a click on the trend chart's first bar opens Toimintakate TP 2022 by unit.
  await page.goBack();
  await page.locator('#statement-heading').waitFor();
  const trend = page.locator('.trend-chart canvas');
  const first = await slotPoint(trend, 0, 5);
  await page.mouse.click(first.x, first.y);
  await page.locator('#breakdown-heading').waitFor();
  assert.match(page.url(), /line=toimintakate&col=TP2022/);
  assert.equal(await page.locator("td[data-col='total']").innerText(), `${MINUS}28${NBSP}726${NBSP}249`);
  for (const url of requests) assert.ok(url.startsWith(origin + SUBPATH), `request left the app: ${url}`);
  await assertAxe(page, 'breakdown from a chart');
  await page.close();
});

test('the deviation chart of the follow-up: better above zero, and a bar opens the line by unit', async () => {
  const { page } = await openLink('#/toteuma/heinola/yhteiset_palvelut?lang=fi', '#followup-heading');
  const chart = page.locator('.bar-chart.deviation');
  assert.match(await chart.locator('figcaption').innerText(), /^TA 2025 – Toteuma 2025: \d+ riviä talousarviota paremmin, \d+ heikommin; suurin poikkeama /);
  // The table shows the same effect: Toimintakate came out 1 009 492 better.
  assert.equal(await page.locator("tr[data-line='toimintakate'] [data-col='effect-amount']").innerText(), `+1${NBSP}009${NBSP}492`);
  const labels = await chart.locator('.chart-labels span').allInnerTexts();
  const i = labels.indexOf('Palvelujen ostot');
  assert.ok(i >= 0, labels.join(', '));
  const effect = await page.locator("tr[data-line='palvelujen_ostot'] [data-col='effect-amount']").innerText();
  const point = await slotPoint(chart.locator('canvas'), i, labels.length);
  await page.mouse.move(point.x, point.y);
  assert.equal(await chart.locator('.chart-tooltip').innerText(), `Palvelujen ostot · TA 2025 – Toteuma 2025: ${effect.replace('+', '')} €`);
  await page.mouse.click(point.x, point.y);
  await page.locator('#breakdown-heading').waitFor();
  assert.match(page.url(), /line=palvelujen_ostot&col=TOT2025/);
  await page.close();
});

test('stacked bars by unit: the same figures as their table; legend hides a unit; a segment drills in', async () => {
  const { page } = await openLink('#/erittely/heinola/hyvinvointitoimiala?lang=fi&line=henkilostokulut&col=TS2026', '#breakdown-heading');
  const chart = page.locator('.stacked-chart');
  // Seed 004: Varhaiskasvatus Henkilöstökulut TP 2022 −5 903 322, TS 2026 −6 246 500.
  assert.equal(await chart.locator("tr[data-org='varhaiskasvatus'] td[data-col='TP2022']").innerText(), `${MINUS}5${NBSP}903${NBSP}322`);
  assert.equal(await chart.locator("tr[data-org='varhaiskasvatus'] td[data-col='TS2026']").innerText(), `${MINUS}6${NBSP}246${NBSP}500`);
  assert.match(await chart.locator('figcaption').innerText(), /^Henkilöstökulut 4 yksikön mukaan, TP 2022–TS 2026: TS 2026 suurin Opetus- ja koulutuspalvelut /);
  // Hide the largest unit: the sentence names the next one.
  await chart.locator("button[data-kind='opetus_ja_koulutuspalvelut']").click();
  assert.equal(await chart.locator("button[data-kind='opetus_ja_koulutuspalvelut']").getAttribute('aria-pressed'), 'false');
  assert.match(await chart.locator('figcaption').innerText(), /3 yksikön|suurin Varhaiskasvatus/);
  await chart.locator("button[data-kind='opetus_ja_koulutuspalvelut']").click();
  await page.screenshot({ path: path.join(shots, 'stacked-fi.png'), fullPage: true });
  // Expenses hang below zero, the first unit nearest to it: just under the top of the last
  // column is the first unit.
  const firstUnit = await chart.locator('tbody tr').first().getAttribute('data-org');
  const point = await slotPoint(chart.locator('canvas'), 4, 5, 16);
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction((id) => location.hash.includes(`/${id}?`), firstUnit);
  await page.close();
});

/** Prints the page as Chromium does to A4 and returns the PDF's text, info and images. */
async function printed(page, name) {
  const file = path.join(shots, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(shots, `${name}-page`)]);
  return { text, info, images, pages: Number(/Pages:\s+(\d+)/.exec(info)[1]) };
}

test('a view prints on A4 with its charts, its table, its notes and its link, without the controls', async () => {
  const { page } = await openLink('#/taulukko/heinola/yhteiset_palvelut?lang=fi', '#statement-heading');
  const { text, info, images, pages } = await printed(page, 'print-statement-fi');
  // A4 landscape: 297 × 210 mm is 841.89 × 595.28 pt.
  assert.match(info, /Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
  assert.ok(pages >= 1 && pages <= 6, `${pages} pages`);
  // The table with the printed figures (seed 003: Toimintakate Toteuma 2025 −7 484 508).
  assert.match(text, /Tuloslaskelma: Yhteiset palvelut/);
  assert.ok(text.includes(`${MINUS}7${NBSP}484${NBSP}508`) || text.includes(`${MINUS}7 484 508`), 'Toimintakate Toteuma 2025 is printed');
  // The charts, as images, with their sentences.
  assert.ok(images.length >= 2, `images: ${images.length}`);
  assert.match(text, /Toimintakate (laskee|nousee)/);
  assert.match(text, /Tuloslaskelma vaiheittain/);
  // The column note and the link that opens the view again.
  assert.match(text, /vertailukelpoisia/);
  assert.match(text.replace(/\s+/g, ''), /#\/taulukko\/heinola\/yhteiset_palvelut\?lang=fi/);
  // No controls: no file buttons, no view switch, no language switch.
  for (const control of ['Avaa tiedostoja', 'Liitä teksti', 'Svenska', 'Rivi yksiköittäin ja vuosittain']) {
    assert.ok(!text.includes(control), `printed a control: ${control}`);
  }
  await page.close();
});

test('the goals view and the follow-up print too, in Swedish', async () => {
  const { page } = await openLink('#/tavoitteet/heinola/yhteiset_palvelut?lang=sv', '#goals-heading');
  const goals = await printed(page, 'print-goals-sv');
  assert.match(goals.text, /Målens utfall per strategiskt mål/);
  assert.match(goals.text, /Uppnås delvis/);
  assert.match(goals.text, /Kestävä talous/);
  await page.emulateMedia({ media: 'screen' });
  await page.locator('#view-toteuma').click();
  await page.locator('#followup-heading').waitFor();
  const followUp = await printed(page, 'print-follow-up-sv');
  assert.match(followUp.text, /Avvikelser per post/);
  assert.ok(followUp.images.length >= 1);
  assert.match(followUp.text, /Sämre än budgeten/);
  assert.match(followUp.text, /\d+ poster bättre än budgeten, \d+ sämre/);
  await page.close();
});

test('two municipalities side by side from a KTAS extract: line across, waterfall to Vuosikate, goals view', async () => {
  const { page, requests } = await open();
  const loaded = requests.length;
  // Expenses positive, as the State Treasury publishes them (the rows of tests/import_formats.rs).
  const rows = [
    ['Heinola', 16, 'Toimintatulot', '2688600'], ['Heinola', 632, 'Toimintamenot', '32611450'],
    ['Heinola', 545, 'TOIMINTAKATE', '-29922850'],
    ['Esimerkkilä', 16, 'Toimintatulot', '1000000'], ['Esimerkkilä', 632, 'Toimintamenot', '5000000'],
    ['Esimerkkilä', 545, 'TOIMINTAKATE', '-4000000'], ['Esimerkkilä', 584, 'Verotulot', '3500000'],
    ['Esimerkkilä', 1157, 'Valtionosuudet', '900000'], ['Esimerkkilä', 45, 'Rahoitustulot (+) ja -menot (-)', '-20000'],
    ['Esimerkkilä', 1093, 'VUOSIKATE', '380000'],
  ];
  const text = 'Kunta;Vuosi;Vaihe;Koodi;Tunnusluku;Arvo\n' + rows.map(([k, c, n, v]) => `${k};2024;TA;${c};${n};${v}\n`).join('');
  await page.locator('#file-input').setInputFiles({ name: 'ktas-2024.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.locator('.import-summary').waitFor();
  await page.locator('#import-add').click();
  // One line across both municipalities.
  await page.locator('#view-rivi').click();
  await page.locator('#across-heading').waitFor();
  assert.equal(await page.locator("tr[data-org='heinola'] td[data-col='TA2024']").innerText(), `${MINUS}29${NBSP}922${NBSP}850`);
  assert.equal(await page.locator("tr[data-org='esimerkkila'] td[data-col='TA2024']").innerText(), `${MINUS}4${NBSP}000${NBSP}000`);
  // Esimerkkilä's waterfall goes on past Toimintakate: taxes and state aid to Vuosikate.
  await page.locator("button[data-node='esimerkkila']").click();
  await page.locator('#view-taulukko').click();
  const steps = await page.locator('.waterfall-chart tbody tr').evaluateAll((r) => r.map((x) => x.dataset.step));
  assert.deepEqual(steps, ['toimintatuotot', 'toimintakulut', 'toimintakate', 'verotulot', 'valtionosuudet', 'rahoitustuotot_ja_kulut', 'vuosikate']);
  assert.equal(await page.locator(".waterfall-chart tr[data-step='vuosikate'] td[data-col='step']").innerText(), `380${NBSP}000`);
  // A dataset without goals or investments says so in the goals view.
  await page.locator('#view-tavoitteet').click();
  assert.match(await page.locator('.goals').innerText(), /ei ole aineistossa tavoitteita, hankkeita, riskejä eikä investointeja/);
  await assertAxe(page, 'goals view without goals');
  assert.equal(requests.length, loaded, `requests after load: ${requests.slice(loaded).join(', ')}`);
  await page.close();
});

test('a spreadsheet of goals opens on its goals, counted per aim', async () => {
  const { page } = await open();
  const csv = [
    'Palvelualue;Strateginen päämäärä;Tavoite 2025;Mittari ja tavoitetaso;Vastuu;Toteuma 31.12.;Tila',
    'Talouspalvelut;Kestävä talous;Johdon raportoinnin kehittäminen;Johdon työpöydän käyttöönotto v. 2025;Talouspalvelupäällikkö;Johdon työpöytäratkaisu käytössä esihenkilöillä.;Toteutuu',
    ';Vahva kaupunkiyhteisö;Sopimushallinta- ja hankintaprosessin kehittäminen;Sopimusohjeistus laadittu;Kaupunginlakimies;Sopimusohjetta valmisteltu vuonna 2025, hyväksyntä v. 2026.;Toteutuu osittain',
  ].join('\n');
  await page.locator('#file-input').setInputFiles({ name: 'tavoitteet.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('.import-summary').waitFor();
  assert.match(await page.locator('.import-summary').innerText(), /2 tavoiteriviä yksikölle ”Talouspalvelut”/);
  await page.locator('#import-add').click();
  await page.locator('#goals-heading').waitFor();
  assert.equal(await page.locator('#goals-heading').innerText(), 'Talouspalvelut');
  assert.match(page.url(), /#\/tavoitteet\/tavoitteet\/talouspalvelut/);
  assert.equal(await page.locator(".status-table tfoot td[data-status='met']").innerText(), '1');
  assert.equal(await page.locator(".status-table tfoot td[data-status='partly']").innerText(), '1');
  assert.match(await page.locator('.goals-table caption').innerText(), /Talouspalvelut: Valtuustoon nähden sitovat tavoitteet 2025/);
  await page.close();
});

test('the link to a view is copied to the clipboard and opens the same view', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${origin}${SUBPATH}#/erittely/heinola/hyvinvointitoimiala?lang=fi&line=henkilostokulut&col=TS2026`, { waitUntil: 'networkidle' });
  await page.locator('#breakdown-heading').waitFor();
  await page.locator('#sort-amount').click();
  await page.locator("button[lang='sv']").click();
  await page.locator('#copy-link').click();
  // The clipboard answers asynchronously.
  await page.waitForFunction(() => document.querySelector('.copy-status').textContent !== '');
  assert.match(await page.locator('.copy-status').innerText(), /Länken kopierades/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, page.url());
  assert.match(link, /#\/erittely\/heinola\/hyvinvointitoimiala\?lang=sv&line=henkilostokulut&col=TS2026&jarj=suurin$/);
  // Opened anew, the link shows the same view.
  const other = await context.newPage();
  await other.goto(link, { waitUntil: 'networkidle' });
  await other.locator('#breakdown-heading').waitFor();
  assert.equal(await other.getAttribute('html', 'lang'), 'sv');
  assert.equal(await other.locator("tr[data-org='opetus_ja_koulutuspalvelut'] td[data-col='share']").innerText(), `59,37${NBSP}%`);
  // In the same order: largest first.
  assert.equal(await other.locator('.breakdown-table tbody tr').first().getAttribute('data-org'), 'opetus_ja_koulutuspalvelut');
  assert.equal(await other.locator('#sort-amount').getAttribute('aria-pressed'), 'true');
  await context.close();
});

/** Text with its no-break spaces as plain ones, for matching sentences. */
const norm = (text) => text.replace(/[\u00a0\u202f]/g, ' ');

test('a what-if scenario made with the keyboard alone changes every view; compare, undo, redo, reload and a link keep it', async () => {
  const { page, errors } = await open();
  // Open the panel and fill the edit form from the keyboard: every unit under
  // Hyvinvointitoimiala, Henkilöstökulut (the default line), TS 2026 (the last column), +3 %.
  await page.locator('#scenarios-heading').focus();
  await page.keyboard.press('Enter');
  await page.locator('#edit-all-units').focus();
  await page.keyboard.press('Space');
  await page.locator('#edit-value').focus();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await page.locator('#scenario-banner').waitFor();
  // By hand from seed 004: 3 % of the service areas' 20 592 300 is 617 769.
  assert.equal(await amount(page, 'henkilostokulut', 'TS2026'), `${MINUS}21${NBSP}210${NBSP}069`);
  assert.equal(await amount(page, 'toimintakate', 'TS2026'), `${MINUS}32${NBSP}721${NBSP}569`);
  assert.equal(await amount(page, 'tilikauden_tulos', 'TS2026'), `${MINUS}33${NBSP}003${NBSP}769`);
  assert.equal(await amount(page, 'henkilostokulut', 'TS2025'), `${MINUS}20${NBSP}027${NBSP}800`, 'other columns as printed');
  // Marked as changed, with the base figure and the difference for a screen reader.
  const marked = page.locator("tr[data-line='henkilostokulut'] td[data-col='TS2026']");
  assert.match(await marked.getAttribute('class'), /scenario-changed/);
  assert.match(norm(await marked.locator('.sr-only').first().innerText()), /perustiedoissa −20 592 300, ero −617 769/);
  assert.match(norm(await page.locator('#scenario-banner').innerText()), /Näytetään skenaario Skenaario 1 \(1 muutos\)/);
  assert.match(norm(await page.locator('.edit-list li').first().innerText()), /kaikki yksiköt, Henkilöstökulut, TS 2026: \+3 %, menoja 617 769 € enemmän; Tilikauden tulos −617 769 €/);
  await page.screenshot({ path: path.join(shots, 'scenario-fi.png'), fullPage: true });
  // The breakdown shows the scenario's figures too: Varhaiskasvatus 6 246 500 × 1,03.
  await page.locator('#view-erittely').click();
  await page.locator('#breakdown-line').selectOption('henkilostokulut');
  await page.locator('#breakdown-column').selectOption('TS2026');
  const unit = page.locator('.breakdown-table tr', { hasText: 'Varhaiskasvatus' }).locator("td[data-col='amount']");
  assert.match(norm(await unit.innerText()), /−6 433 895$/);
  // Marked as changed there too, with the base figure and the difference.
  assert.match(norm(await unit.locator('.sr-only').innerText()), /perustiedoissa −6 246 500, ero −187 395 €/);
  // The comparison: base beside the scenario, and what drives it.
  await page.locator('#view-vertailu').click();
  await page.locator('#compare-heading').waitFor();
  const result = page.locator('.compare-key tr', { hasText: 'Tilikauden tulos' });
  assert.match(norm(await result.innerText()), /−32 386 000\s+−33 003 769\s+−617 769\s+−1,91 %/);
  assert.match(norm(await page.locator('.drivers-table').innerText()), /Henkilöstökulut.*\n?.*−617 769 €/);
  await assertAxe(page, 'comparison and scenario panel');
  await page.screenshot({ path: path.join(shots, 'scenario-compare-fi.png'), fullPage: true });
  // Undo and redo from the keyboard (outside a field).
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  await page.locator('#scenario-banner').waitFor({ state: 'detached' });
  await page.keyboard.press('Control+y');
  await page.locator('#scenario-banner').waitFor();
  // A reload keeps it (the link carries it), and so does the link opened afresh.
  await page.locator('#view-taulukko').click();
  await page.reload({ waitUntil: 'networkidle' });
  await page.locator('#scenario-banner').waitFor();
  assert.equal(await amount(page, 'toimintakate', 'TS2026'), `${MINUS}32${NBSP}721${NBSP}569`);
  const link = page.url().slice(page.url().indexOf('#'));
  const { page: other } = await openLink(link, '#scenario-banner');
  assert.equal(await amount(other, 'tilikauden_tulos', 'TS2026'), `${MINUS}33${NBSP}003${NBSP}769`);
  // Back to the base in one click.
  await other.locator('#scenario-base').click();
  await other.locator('#scenario-banner').waitFor({ state: 'detached' });
  assert.equal(await amount(other, 'tilikauden_tulos', 'TS2026'), `${MINUS}32${NBSP}386${NBSP}000`);
  assert.deepEqual(errors, []);
  await other.close();
  await page.close();
});

test('staff as person-years, and goal seek: the change a goal takes, added as an edit', async () => {
  const { page, errors } = await open();
  await page.locator("button[data-node='varhaiskasvatus']").click();
  await page.locator('#scenarios-heading').click();
  // Two person-years more at 55 000 € each in Varhaiskasvatus, TS 2026: Henkilöstökulut
  // −6 246 500 − 110 000 (seed 004).
  await page.locator('#edit-kind').selectOption('htv');
  await page.locator('#edit-value').fill('2');
  await page.locator('#edit-cost').fill('55 000');
  await page.locator('#edit-add').click();
  await page.locator('#scenario-banner').waitFor();
  assert.equal(await amount(page, 'henkilostokulut', 'TS2026'), `${MINUS}6${NBSP}356${NBSP}500`);
  assert.equal(await amount(page, 'tilikauden_tulos', 'TS2026'), `${MINUS}8${NBSP}360${NBSP}500`);
  // What brings Tilikauden tulos to −8 000 000 by Palvelujen ostot: 360 500 less, which is
  // 35,02 % of its 1 029 300.
  await page.locator('#edit-kind').selectOption('euro');
  await page.locator('#edit-line').selectOption('palvelujen_ostot');
  await page.locator('#seek-goal').selectOption('arvo');
  await page.locator('#seek-line').selectOption('tilikauden_tulos');
  await page.locator('#seek-value').fill('-8 000 000');
  await page.locator('#seek-run').click();
  assert.match(norm(await page.locator('#seek-result').innerText()), /Palvelujen ostot, −360 500 € \(−35,02 %\); tavoitteen rivi olisi −8 000 000 €/);
  await page.locator('#seek-add').click();
  assert.equal(await amount(page, 'tilikauden_tulos', 'TS2026'), `${MINUS}8${NBSP}000${NBSP}000`);
  assert.equal(await page.locator('.edit-list li').count(), 2);
  // Poistot cannot move Toimintakate, which is above them: said so.
  await page.locator('#edit-line').selectOption('poistot_ja_arvonalentumiset');
  await page.locator('#seek-line').selectOption('toimintakate');
  await page.locator('#seek-run').click();
  assert.match(await page.locator('#seek-result').innerText(), /ei vaikuta tavoitteeseen/);
  await assertAxe(page, 'scenario panel with goal seek');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a scenario on a tablet and a phone: nothing wider than the screen, the panel and the comparison screenshotted', async () => {
  const link = '#/taulukko/heinola/hyvinvointitoimiala?lang=fi&skenaario=Palkat&muutokset=hyvinvointitoimiala/*:henkilostokulut:TS2026:%2B3%25|varhaiskasvatus:palvelujen_ostot:TS2026:-5%25';
  for (const [width, height, name] of [[768, 1024, 'tablet'], [390, 844, 'phone']]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${origin}${SUBPATH}${link}`, { waitUntil: 'networkidle' });
    await page.locator('#scenario-banner').waitFor();
    assert.equal(await page.locator('.edit-list li').count(), 2);
    for (const view of ['taulukko', 'vertailu']) {
      // A phone chooses its view from one list; wider screens have a button each.
      if (width <= 900) await page.locator('#view-select').selectOption(view);
      else await page.locator(`#view-${view}`).click();
      await page.waitForFunction((v) => location.hash.startsWith(`#/${v}/`), view);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.equal(overflow, 0, `${name}, ${view}: the page is ${overflow} px wider than the screen`);
      await page.screenshot({ path: path.join(shots, `scenario-${view}-${name}.png`), fullPage: true });
    }
    await page.close();
  }
});

test('on a phone the node\'s figures come first: the tree and the share buttons are drawers, the views one list, the table above its charts', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.goto(`${origin}${SUBPATH}#/taulukko/heinola/hyvinvointitoimiala?lang=fi`, { waitUntil: 'networkidle' });
  await page.locator('#statement-heading').waitFor();
  // Seed 004: Hyvinvointitoimiala's Myyntituotot TP 2022 960 796, the table's first figure,
  // is on the first screen, and the tree is folded under one line naming the node.
  const first = page.locator("tr[data-line='myyntituotot'] td").first();
  assert.equal(norm(await first.innerText()), '960 796');
  const box = await first.boundingBox();
  assert.ok(box.y + box.height <= 844, `the first figure ends at ${box.y + box.height} px, below the first screen`);
  assert.equal(await page.locator('#org-drawer').evaluate((d) => d.open), false);
  assert.match(await page.locator('#org-drawer > summary').innerText(), /Organisaatio: Hyvinvointitoimiala/);
  assert.equal(await page.locator('.share-drawer').evaluate((d) => d.open), false);
  assert.equal(await page.locator('#view-taulukko').isVisible(), false);
  // The drawer opens with a tap; a node tapped there opens and the drawer folds again.
  await page.locator('#org-drawer > summary').tap();
  await page.locator("button[data-node='varhaiskasvatus']").tap();
  await page.waitForFunction(() => location.hash.includes('/varhaiskasvatus'));
  assert.equal(await page.locator('#org-drawer').evaluate((d) => d.open), false);
  assert.match(await page.locator('#statement-heading').innerText(), /Varhaiskasvatus/);
  // The table comes before its charts, which fold away under "Kuviot".
  const order = await page.evaluate(() => {
    const table = document.querySelector('.statement-table');
    const charts = document.querySelector('.charts-drawer');
    return Boolean(table.compareDocumentPosition(charts) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(order, 'the charts come after the table');
  await page.locator('#view-select').selectOption('toteuma');
  await page.waitForFunction(() => location.hash.startsWith('#/toteuma/'));
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
  // Hyvinvointitoimiala's breakdown: its units' bar labels (Virikkeellinen elämä,
  // Varhaiskasvatus) wrap inside their bars' width, so a phone does not zoom the page out.
  await page.evaluate(() => { location.hash = '#/erittely/heinola/hyvinvointitoimiala?lang=fi'; });
  await page.locator('.bar-chart .chart-labels span').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await assertAxe(page, 'the phone layout');
  await page.screenshot({ path: path.join(shots, 'phone-first-screen.png') });
  await page.close();
});

test('an imported file, a scenario and a note are saved to a file and opened in a fresh browser: the same view, figures and note', async () => {
  const { page } = await open();
  // An imported file beside the sample (seed 003).
  await page.locator('#file-input').setInputFiles(seed003);
  await page.locator('#import-add').click();
  assert.equal(await page.locator('.org-dataset').count(), 2);
  // A scenario and a view: Varhaiskasvatus, Palvelujen ostot TS 2026 −5 % (51 465 less).
  await page.goto(`${origin}${SUBPATH}#/taulukko/heinola/varhaiskasvatus?lang=sv&skenaario=S%C3%A4%C3%A4st%C3%B6t&muutokset=varhaiskasvatus:palvelujen_ostot:TS2026:-5%25`, { waitUntil: 'networkidle' });
  await page.locator('#scenario-banner').waitFor();
  // A browser without the File System Access API: the workspace is downloaded.
  await page.evaluate(() => { delete window.showSaveFilePicker; });
  // A note on Palvelujen ostot, written with the form under the view.
  await page.locator('#note-place').selectOption({ label: 'Varhaiskasvatus: Köp av tjänster' });
  await page.locator('#note-text').fill('Fråga om detta i nämnden');
  await page.locator('#note-save').click();
  assert.match(await page.locator('.note-list').innerText(), /Varhaiskasvatus: Köp av tjänster: Fråga om detta i nämnden/);
  assert.match(await page.locator("tr[data-line='palvelujen_ostot'] th").innerText(), /egen anteckning: Fråga om detta i nämnden/);
  await assertAxe(page, 'the notes and their form');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-workspace').click()]);
  assert.equal(download.suggestedFilename(), 'raami-tyotila.raami');
  const saved = path.join(shots, '..', 'tyotila-e2e.raami');
  await download.saveAs(saved);
  const text = fs.readFileSync(saved, 'utf8');
  assert.match(text, /"version": 2/);
  assert.match(text, /"name": "Säästöt"/);
  await page.close();
  // A fresh context: nothing kept from the first.
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const fresh = await context.newPage();
  await fresh.goto(origin + SUBPATH, { waitUntil: 'networkidle' });
  await fresh.locator('#file-input').setInputFiles(saved);
  await fresh.locator('#saved-work').waitFor();
  assert.match(norm(await fresh.locator('#saved-work').innerText()), /1 skenaariota \(Säästöt\)/);
  await fresh.locator('#import-replace').click();
  await fresh.locator('#scenario-banner').waitFor();
  assert.equal(await fresh.getAttribute('html', 'lang'), 'sv');
  assert.equal(await fresh.locator('h1').innerText(), 'Varhaiskasvatus');
  // 1 029 300 − 51 465, as worked by hand from seed 004.
  assert.equal(await amount(fresh, 'palvelujen_ostot', 'TS2026'), `${MINUS}977${NBSP}835`);
  assert.match(await fresh.locator('.note-list').innerText(), /Fråga om detta i nämnden/);
  // The imported file came along: seed 003, Vaalit's Toimintakate Toteuma 2025 −57 385.
  assert.equal(await fresh.locator('.org-dataset').count(), 2);
  await fresh.locator("button[data-dataset='1'][data-node='vaalit']").click();
  assert.equal(await amount(fresh, 'toimintakate', 'TOT2025'), `${MINUS}57${NBSP}385`);
  await fresh.goBack();
  await fresh.locator('#scenario-banner').waitFor();
  // Removed, the note is gone from the list and the line.
  await fresh.locator('.note-list button', { hasText: 'Ta bort' }).click();
  assert.match(await fresh.locator('.user-notes').innerText(), /Inga anteckningar/);
  assert.equal(await fresh.locator("tr[data-line='palvelujen_ostot'] .mark.noted").count(), 0);
  fs.rmSync(saved);
  await context.close();
});

test('a link with the data opens the same work in a fresh browser, after the reader chooses; a cut link says so', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(origin + SUBPATH, { waitUntil: 'networkidle' });
  await page.locator('#file-input').setInputFiles(seed003);
  await page.locator('#import-add').click();
  await page.locator('h1').waitFor();
  await page.goto(`${origin}${SUBPATH}#/taulukko/heinola/varhaiskasvatus?lang=fi&skenaario=S%C3%A4%C3%A4st%C3%B6t&muutokset=varhaiskasvatus:palvelujen_ostot:TS2026:-5%25`, { waitUntil: 'networkidle' });
  await page.locator('#scenario-banner').waitFor();
  assert.match(await page.locator('#data-link-note').innerText(), /ei lähetä millekään palvelimelle/);
  await page.locator('#copy-data-link').click();
  await page.locator('#data-link-status').waitFor();
  assert.match(norm(await page.locator('#data-link-status').innerText()), /^Linkki tietoineen kopioitu \(\d{1,3}( \d{3})* merkkiä\)\.$/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${origin}${SUBPATH}#/tietoineen/1/`), link.slice(0, 80));
  await context.close();
  // A fresh browser with nothing kept: the link's contents are shown, nothing is replaced yet.
  const fresh = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const reader = await fresh.newPage();
  const errors = [];
  reader.on('pageerror', (e) => errors.push(String(e)));
  await reader.goto(link, { waitUntil: 'networkidle' });
  await reader.locator('#saved-work').waitFor();
  assert.match(norm(await reader.locator('#saved-work').innerText()), /1 skenaariota \(Säästöt\)/);
  assert.ok(!reader.url().includes('tietoineen'), 'the long link leaves the address once read');
  await assertAxe(reader, 'a link with data, before it is opened');
  await reader.locator('#import-replace').click();
  await reader.locator('#scenario-banner').waitFor();
  assert.equal(await reader.locator('h1').innerText(), 'Varhaiskasvatus');
  // 1 029 300 − 51 465, as worked by hand from seed 004.
  assert.equal(await amount(reader, 'palvelujen_ostot', 'TS2026'), `${MINUS}977${NBSP}835`);
  // Seed 003 came along: Talouspalvelut's goals.
  assert.match(await reader.locator('nav.sidebar').innerText(), /Talouspalvelut/);
  // The same link cut short when copied: said so, and what is shown stays.
  await reader.goto(link.slice(0, -5), { waitUntil: 'networkidle' });
  await reader.locator('.import-summary [role=alert], .import-summary .error').first().waitFor();
  assert.match(await reader.locator('.import-summary').innerText(), /linkki: linkki loppuu kesken/);
  assert.equal(await reader.locator('h1').innerText(), 'Varhaiskasvatus');
  assert.deepEqual(errors, []);
  await fresh.close();
});

test('after the first visit Raami opens with no network, imports offline, and is installable', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(origin + SUBPATH, { waitUntil: 'networkidle' });
  await page.locator('h1').waitFor();
  // The service worker has kept the app's files once it controls the page.
  for (let tries = 0; !(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))); tries += 1) {
    assert.ok(tries < 200, 'no service worker took the page');
    await page.waitForTimeout(50);
  }
  // Chromium finds nothing that stops installing it (manifest, icons, service worker).
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // A test browser's context is incognito-like, where nothing installs; that alone is left.
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  assert.match(manifest.data, /"short_name": "Raami"/);
  await context.setOffline(true);
  await page.reload({ waitUntil: 'load' });
  await page.locator('h1').waitFor();
  assert.equal(await page.locator('h1').innerText(), 'Hyvinvointitoimiala');
  assert.equal(await amount(page, 'toimintakate', 'TP2022'), `${MINUS}28${NBSP}726${NBSP}249`);
  // The import worker came from the cache too: a file is read with no network.
  await page.locator('#file-input').setInputFiles(seed003);
  await page.locator('#import-add').click();
  assert.equal(await page.locator('.org-dataset').count(), 2);
  await page.locator("button[data-dataset='1'][data-node='vaalit']").click();
  // Seed 003, Vaalit: Toimintakate Toteuma 2025 −57 385.
  assert.equal(await amount(page, 'toimintakate', 'TOT2025'), `${MINUS}57${NBSP}385`);
  // Another visit, offline, straight to a view's link.
  const again = await context.newPage();
  await again.goto(`${origin}${SUBPATH}#/erittely/heinola/hyvinvointitoimiala?lang=sv&line=henkilostokulut&col=TS2026`);
  await again.locator('#breakdown-heading').waitFor();
  assert.equal(await again.getAttribute('html', 'lang'), 'sv');
  assert.deepEqual(errors, []);
  await context.close();
});

test('where the browser lets the page write a file, the workspace is saved in the file picked, and the next save writes it again', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // The picker answered as a user would: a file called oma-tyotila.raami.
  await page.addInitScript(() => {
    window.picks = [];
    window.writes = [];
    window.showSaveFilePicker = async (options) => {
      window.picks.push(options.suggestedName);
      return {
        name: 'oma-tyotila.raami',
        createWritable: async () => {
          let text = '';
          return { write: async (part) => { text += part; }, close: async () => { window.writes.push(text); } };
        },
      };
    };
  });
  await page.goto(`${origin}${SUBPATH}#/taulukko/heinola/varhaiskasvatus?lang=fi&skenaario=S&muutokset=varhaiskasvatus:palvelujen_ostot:TS2026:-5%25`, { waitUntil: 'networkidle' });
  await page.locator('#scenario-banner').waitFor();
  await page.locator('#save-workspace').click();
  await page.locator('#saved-in').waitFor();
  assert.match(await page.locator('#saved-in').innerText(), /tallennettu tiedostoon oma-tyotila\.raami; seuraava tallennus kirjoittaa saman tiedoston/);
  await page.locator("button[lang='sv']").click();
  await page.locator('#save-workspace').click();
  for (let tries = 0; (await page.evaluate(() => window.writes.length)) < 2; tries += 1) {
    assert.ok(tries < 100, 'the second save never wrote');
    await page.waitForTimeout(50);
  }
  const { picks, writes } = await page.evaluate(() => ({ picks: window.picks, writes: window.writes }));
  assert.deepEqual(picks, ['raami-tyotila.raami'], 'asked once, then the same file');
  assert.match(writes[0], /"version": 2/);
  assert.match(writes[0], /"view": "#\/taulukko\/heinola\/varhaiskasvatus\?lang=fi/);
  assert.match(writes[1], /"view": "#\/taulukko\/heinola\/varhaiskasvatus\?lang=sv/);
  await page.close();
});

test('a chart is saved as SVG and as PNG at twice the pixel ratio, with its title, figures and labels', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(`${origin}${SUBPATH}#/taulukko/heinola/varhaiskasvatus?lang=fi&line=toimintakate`, { waitUntil: 'networkidle' });
  const trend = page.locator('.trend-chart');
  const [svgFile] = await Promise.all([page.waitForEvent('download'), trend.locator('.save-svg').click()]);
  assert.equal(svgFile.suggestedFilename(), 'raami-kaavio.svg');
  const svgPath = path.join(shots, '..', 'kaavio-e2e.svg');
  await svgFile.saveAs(svgPath);
  const svg = norm(fs.readFileSync(svgPath, 'utf8'));
  fs.rmSync(svgPath);
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, />Rivi sarakkeittain: Toimintakate \(€\)<\/text>/);
  // Seed 004, Varhaiskasvatus: Toimintakate TP 2022 −7 493 498.
  assert.match(svg, /TP 2022: −7 493 498 €<\/title>/);
  assert.match(svg, />TS 2026<\/text>/);
  const [pngFile] = await Promise.all([page.waitForEvent('download'), trend.locator('.save-png').click()]);
  assert.equal(pngFile.suggestedFilename(), 'raami-kaavio.png');
  const pngPath = path.join(shots, '..', 'kaavio-e2e.png');
  await pngFile.saveAs(pngPath);
  const png = fs.readFileSync(pngPath);
  fs.rmSync(pngPath);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  const width = png.readUInt32BE(16);
  const shown = await trend.locator('canvas').evaluate((c) => c.clientWidth);
  assert.equal(width, shown * 2, 'twice the screen pixel ratio');
  await page.close();
});

/** The text of one file inside a zip (an XLSX workbook), found by its central directory. */
function zipText(bytes, name) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < bytes.readUInt16LE(end + 10); i++) {
    const [method, size, nameLength] = [bytes.readUInt16LE(at + 10), bytes.readUInt32LE(at + 20), bytes.readUInt16LE(at + 28)];
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (bytes.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const local = bytes.readUInt32LE(at + 42);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + size);
      return (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    }
    at = next;
  }
  throw new Error(`no ${name} in the zip`);
}

/** Clicks `selector` and returns the file it downloads: its suggested name and bytes. */
async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const file = path.join(shots, '..', `e2e-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  fs.rmSync(file);
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

test('the breakdown, follow-up, line-across, comparison and goals views download as CSV and XLSX as they are shown', async () => {
  const { page } = await openLink('#/erittely/heinola/hyvinvointitoimiala?lang=fi&line=henkilostokulut&col=TS2026&jarj=suurin', '#breakdown-heading');
  const csv = await downloaded(page, '#export-csv');
  assert.equal(csv.name, 'raami-heinola-hyvinvointitoimiala-henkilostokulut-TS2026.csv');
  // Seed 004: Opetus- ja koulutuspalvelut 59,37 % of Henkilöstökulut TS 2026, the largest first.
  assert.match(csv.text, /^\ufeffYksikkö;TS 2026;Osuus %;/);
  assert.match(csv.text.split('\n')[1], /^Opetus- ja koulutuspalvelut;-\d+;59,37;/);
  assert.match(csv.text, /\nYhteensä: Hyvinvointitoimiala;-20592300;100\n/);
  const xlsx = await downloaded(page, '#export-xlsx');
  assert.equal(xlsx.name, 'raami-heinola-hyvinvointitoimiala-henkilostokulut-TS2026.xlsx');
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');
  await page.close();
  // The follow-up view too. Seed 003, Yhteiset palvelut: Henkilöstökulut TA 2025 −3 680 600,
  // Toteuma −3 589 002, Poikkeama −91 598.
  const { page: follow } = await openLink('#/toteuma/heinola/yhteiset_palvelut?lang=fi', '#followup-heading');
  assert.match((await downloaded(follow, '#export-csv-0')).text, /\nHenkilöstökulut;-3680600;-3589002;-91598;/);
  await follow.close();
  // And the line across the tree: seed 004, Varhaiskasvatus' Henkilöstökulut TP 2022 −5 903 322.
  const { page: across } = await openLink('#/rivi/heinola/hyvinvointitoimiala?lang=fi&line=henkilostokulut', '#across-heading');
  const acrossCsv = await downloaded(across, '#export-csv');
  assert.equal(acrossCsv.name, 'raami-heinola-henkilostokulut-euro.csv');
  assert.match(acrossCsv.text, /\n {2}Varhaiskasvatus;-5903322;-6211300;/);
  await across.close();
  // And the comparison: Varhaiskasvatus TS 2026, Toimintakate −8 232 700, 51 465 better.
  const { page: versus } = await openLink('#/vertailu/heinola/varhaiskasvatus?lang=fi&col=TS2026&skenaario=S&muutokset=varhaiskasvatus:palvelujen_ostot:TS2026:-5%25', '#compare-heading');
  assert.match((await downloaded(versus, '#export-csv')).text, /\nToimintakate;-8232700;-8181235;51465;/);
  await versus.close();
  // And the goals view, every table of it: seed 003, Yhteiset palvelut, six goals met and
  // two partly of eight; five projects, 818 629 € in all; six risks.
  const { page: goals } = await openLink('#/tavoitteet/heinola/yhteiset_palvelut?lang=fi', '#goals-heading');
  const goalsCsv = await downloaded(goals, '#export-csv');
  assert.equal(goalsCsv.name, 'raami-heinola-yhteiset_palvelut-tavoitteet.csv');
  assert.match(goalsCsv.text, /\nYhteensä;6;2;0;8\n/);
  assert.match(goalsCsv.text, /\nYhteensä;;;;818629\n/);
  assert.match(goalsCsv.text, /\nYhteiset palvelut;Irtain omaisuus;Menot;-369498;-195000;-38279;-156721;19,63\n/);
  const goalsBook = await downloaded(goals, '#export-xlsx');
  assert.equal(goalsBook.name, 'raami-heinola-yhteiset_palvelut-tavoitteet.xlsx');
  const goalSheets = [...zipText(goalsBook.bytes, 'xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(goalSheets.slice(0, 5), ['Toteutuminen', 'Tavoitteet', 'Hankkeet', 'Investoinnit', 'Riskit']);
  await goals.close();
  // The statement's workbook has the node's follow-up and goals after its statement, as
  // the note beside the button says.
  const { page: statement } = await openLink('#/taulukko/heinola/yhteiset_palvelut?lang=fi', '#statement-heading');
  assert.match(await statement.locator('#export-xlsx-hint').innerText(), /toteumavertailu sekä tavoitteet ja investoinnit/);
  const book = await downloaded(statement, '#export-xlsx');
  const sheets = [...zipText(book.bytes, 'xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(sheets.slice(0, 3), ['Yhteiset palvelut', 'Toteuma 2025 Yhteiset palvel', 'Toteutuminen']);
  await statement.close();
});

test('autosave: an imported file and a scenario are back after a reload; clearing the device forgets them; no IndexedDB and a full storage are said', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(origin + SUBPATH, { waitUntil: 'networkidle' });
  await page.locator('#file-input').setInputFiles(seed003);
  await page.locator('#import-add').click();
  await page.locator('h1').waitFor();
  const datasets = () => page.locator('.org-tree .dataset-name, nav.sidebar h2').count();
  const before = await datasets();
  // A scenario on the sample, by its link.
  await page.goto(`${origin}${SUBPATH}#/taulukko/heinola/varhaiskasvatus?lang=fi&skenaario=S&muutokset=varhaiskasvatus:palvelujen_ostot:TS2026:-5%25`, { waitUntil: 'networkidle' });
  await page.locator('#scenario-banner').waitFor();
  // Autosave writes a moment after the change; wait until IndexedDB holds the scenario (read
  // without ever creating the database, and closed again).
  const kept = () => page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('raami', 1);
    open.onupgradeneeded = () => open.transaction.abort();
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('tyotila').objectStore('tyotila').get('nykyinen');
      get.onsuccess = () => { db.close(); resolve(typeof get.result === 'string' && get.result.includes('"name": "S"')); };
      get.onerror = () => { db.close(); resolve(false); };
    };
    open.onerror = () => resolve(false);
  }));
  for (let tries = 0; !(await kept()); tries += 1) {
    assert.ok(tries < 100, 'the scenario was never kept');
    await page.waitForTimeout(50);
  }
  // Reload on the base view: the imported dataset is still there, and the scenario too.
  await page.goto(`${origin}${SUBPATH}#/taulukko/heinola/varhaiskasvatus?lang=fi`, { waitUntil: 'networkidle' });
  await page.reload({ waitUntil: 'networkidle' });
  // The kept workspace is read back a moment after the page opens.
  await page.waitForFunction(() => document.querySelectorAll('#scenario-pick option').length === 2);
  assert.equal(await datasets(), before);
  // The panel is open where there are scenarios.
  assert.match((await page.locator('#scenario-pick option').allInnerTexts()).join('|'), /\|S \(1\)/);
  // Clear: after a reload only the sample is there.
  await page.locator('#forget-device').click();
  await page.reload({ waitUntil: 'networkidle' });
  await page.locator('h1').waitFor();
  assert.equal(await page.locator("button[data-node='yhteiset_palvelut']").count(), 1);
  assert.equal(await page.locator('#scenario-pick option').count(), 1, 'no scenario kept');
  await context.close();
  // A browser without IndexedDB (a private window may refuse it): autosave is said to be off.
  const bare = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await bare.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { get() { return undefined; } }); });
  const other = await bare.newPage();
  await other.goto(origin + SUBPATH, { waitUntil: 'networkidle' });
  await other.locator('#autosave-off').waitFor();
  assert.match(await other.locator('#autosave-off').innerText(), /tallenna työtila tiedostoon/);
  assert.equal(await other.locator('h1').innerText(), 'Hyvinvointitoimiala');
  await assertAxe(other, 'autosave off');
  await bare.close();
  // Storage full: the write is refused with QuotaExceededError; autosave is said to be off,
  // the scenario stays on the page, and the file is the way to keep it.
  const full = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await full.addInitScript(() => {
    IDBObjectStore.prototype.put = function put() { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  const crowded = await full.newPage();
  const errors = [];
  crowded.on('pageerror', (e) => errors.push(String(e)));
  await crowded.goto(`${origin}${SUBPATH}#/taulukko/heinola/varhaiskasvatus?lang=fi&skenaario=S&muutokset=varhaiskasvatus:palvelujen_ostot:TS2026:-5%25`, { waitUntil: 'networkidle' });
  await crowded.locator('#autosave-off').waitFor();
  assert.match(await crowded.locator('#autosave-off').innerText(), /tallennustila täynnä\): tallenna työtila tiedostoon/);
  assert.equal(await amount(crowded, 'palvelujen_ostot', 'TS2026'), `${MINUS}977${NBSP}835`);
  assert.deepEqual(errors, []);
  await full.close();
});

test('the follow-up and the line across the tree under a scenario: changed figures marked, Poikkeama follows', async () => {
  // Seed 003: Henkilöstökulut TA 2025 −3 680 600, Toteuma −3 589 002; 100 000 € more spent
  // gives −3 689 002 and Poikkeama (TA − Toteuma) 8 402.
  const { page } = await openLink('#/toteuma/heinola/yhteiset_palvelut?lang=fi&skenaario=T&muutokset=yhteiset_palvelut:henkilostokulut:TOT2025:%2B100000', '#followup-heading');
  const row = page.locator(".follow-up-table tr[data-line='henkilostokulut']");
  assert.equal(await row.locator("td[data-col='poikkeama']").innerText(), `8${NBSP}402`);
  assert.match(norm(await row.locator('td').nth(1).innerText()), /perustiedoissa −3 589 002, ero −100 000 €\)\s*−3 689 002$/);
  await assertAxe(page, 'follow-up with a scenario');
  await page.close();
  // One line across the tree: Varhaiskasvatus' Henkilöstökulut TS 2026 under +3 % in every
  // unit is 6 246 500 × 1,03, marked; TS 2025 is as printed.
  const { page: across } = await openLink('#/rivi/heinola/hyvinvointitoimiala?lang=fi&line=henkilostokulut&skenaario=P&muutokset=hyvinvointitoimiala/*:henkilostokulut:TS2026:%2B3%25', '.across-table');
  const cellOf = (col) => across.locator(`.across-table tr[data-org='varhaiskasvatus'] td[data-col='${col}']`);
  assert.match(norm(await cellOf('TS2026').innerText()), /perustiedoissa −6 246 500, ero −187 395 €\)\s*−6 433 895$/);
  assert.equal(norm(await cellOf('TS2025').innerText()), '−6 059 200');
  await across.close();
});

test('the statement downloads as CSV and XLSX for Excel with the scenario figures; a link to data not opened says so; no 404', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const missing = [];
  page.on('response', (r) => { if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${origin}${SUBPATH}#/taulukko/heinola/hyvinvointitoimiala?lang=fi&skenaario=P&muutokset=hyvinvointitoimiala/*:henkilostokulut:TS2026:%2B3%25`, { waitUntil: 'networkidle' });
  await page.locator('#scenario-banner').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
  assert.equal(download.suggestedFilename(), 'raami-heinola-hyvinvointitoimiala.csv');
  const file = path.join(shots, '..', 'taulukko-e2e.csv');
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  fs.rmSync(file);
  assert.ok(text.startsWith('\ufeffSelite;TP 2022;'), text.slice(0, 40));
  // 20 592 300 × 1,03 by hand: 21 210 069 more spent, as the scenario has it.
  assert.match(text, /\nHenkilöstökulut;-18964212;-19356600;-19327000;-20027800;-21210069;/);
  // The same view as an Excel workbook, made in the worker: it reads back into Raami with
  // the scenario's figure (a round trip through the importer).
  const [workbook] = await Promise.all([page.waitForEvent('download'), page.locator('#export-xlsx').click()]);
  assert.equal(workbook.suggestedFilename(), 'raami-heinola-hyvinvointitoimiala.xlsx');
  const xlsx = path.join(shots, '..', 'taulukko-e2e.xlsx');
  await workbook.saveAs(xlsx);
  assert.equal(fs.readFileSync(xlsx).subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
  await page.locator('#file-input').setInputFiles(xlsx);
  fs.rmSync(xlsx);
  await page.locator('#import-add').click();
  // The workbook's data opens on its own figures: the scenario was made on the sample.
  await page.locator('#scenario-banner').waitFor({ state: 'detached' });
  assert.match(await page.locator('h1').innerText(), /Hyvinvointitoimiala/);
  assert.equal(await amount(page, 'henkilostokulut', 'TS2026'), `${MINUS}21${NBSP}210${NBSP}069`);
  // A link made on other files: the reader is told, the sample stays.
  assert.deepEqual(missing, []);
  await page.close();
  const { page: other } = await openLink('#/taulukko/lapua_2025/lapua?lang=fi', '#missing-dataset');
  assert.match(norm(await other.locator('#missing-dataset').innerText()), /aineistoa ”lapua_2025”, jota ei ole avattu/);
  assert.equal(await other.locator('h1').innerText(), 'Hyvinvointitoimiala');
  await other.close();
});
