// One what-if edit in the browser: the release build (dist/) in Debian's Chromium, on the
// embedded sample; the time from the "Lisää muutos" click to the page showing the edit
// (the scenario applied, every figure of the statement recomputed and in the DOM), and the
// same for the undo that takes it back. Prints the median and the 95th percentile.
//
//   bash .ci/test            # or: trunk build --release --offline
//   node bench/scenario-browser.mjs [runs]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, '.ci/package.json'));
const { chromium } = require('playwright-core');
const dist = path.join(root, 'dist');
const runs = Number(process.argv[2] ?? 60);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
const server = http.createServer((req, res) => {
  const rel = new URL(req.url, 'http://localhost').pathname.slice(1) || 'index.html';
  const file = path.join(dist, path.normalize(rel));
  if (!file.startsWith(dist) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'networkidle' });
await page.locator('#scenarios-heading').click();
await page.locator('#edit-all-units').check();

/** Clicks `selector` and resolves with the milliseconds until `done()` holds in the page. */
const timed = (selector, done) => page.evaluate(([selector, done]) => new Promise((resolve) => {
  const check = new Function(`return (${done})();`);
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (check()) { observer.disconnect(); resolve(performance.now() - start); }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  document.querySelector(selector).click();
}), [selector, done]);

const add = [];
const undo = [];
for (let i = 0; i < runs; i += 1) {
  await page.locator('#edit-value').fill('3');
  add.push(await timed('#edit-add', "() => document.querySelectorAll('.edit-list li').length === 1"));
  undo.push(await timed('#scenario-undo', "() => document.querySelectorAll('.edit-list li').length === 0"));
}
const stats = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q) => sorted[Math.round((sorted.length - 1) * q)];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (${xs.length} runs)`;
};
console.log(`add an edit (every unit's Henkilöstökulut +3 %): ${stats(add)}`);
console.log(`undo it: ${stats(undo)}`);
await browser.close();
server.close();
