// End-to-end tests of the release build (dist/) in Debian's Chromium, driven by
// playwright-core. The build is served from a sub-path of a local static server, as a
// council member's static host would; every request the page makes is recorded and must
// stay on that server, and none may be made after the page has loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { chromium } = require(path.join(root, '.ci/node_modules/playwright-core'));
const dist = path.join(root, 'dist');
const shots = path.join(root, 'tests/e2e/screenshots');
const SUBPATH = '/kunta/raami/';
const NBSP = '\u00a0';
const MINUS = '\u2212';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
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
  await page.goto(origin + SUBPATH);
  await page.waitForSelector('h1');
  return { page, requests, errors };
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
  await page.addScriptTag({ path: path.join(root, '.ci/node_modules/axe-core/axe.min.js') });
  for (const node of ['hyvinvointitoimiala', 'yhteiset_palvelut']) {
    await page.locator(`button[data-node='${node}']`).click();
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
    assert.deepEqual(summary, [], `${node}: ${summary.join('\n')}`);
  }
  await page.close();
});
