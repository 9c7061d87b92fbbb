// Trunk post-build hook: allows the page's own inline scripts (Trunk's bootstrap that starts
// the wasm, and in `trunk serve` its reload script) by their SHA-256 hashes in the page's
// Content-Security-Policy, so that script-src needs no 'unsafe-inline': a script injected
// into the page, or an inline event handler, does not run. Without this hook the page's
// policy allows no inline script at all, and the app does not start (it fails closed).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const file = path.join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
let html = fs.readFileSync(file, 'utf8');
const hashes = [];
for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
  if (/\bsrc\s*=/.test(match[1])) continue;
  hashes.push(`'sha256-${crypto.createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
}
const policy = /(<meta http-equiv="Content-Security-Policy"\s+content="[^"]*script-src )([^;"]*)/;
if (!policy.test(html)) {
  console.error(`csp-hashes: no script-src in the Content-Security-Policy of ${file}`);
  process.exit(1);
}
html = html.replace(policy, (_, head, sources) => `${head}${sources} ${hashes.join(' ')}`);
fs.writeFileSync(file, html);
console.error(`csp-hashes: ${hashes.length} inline script(s) allowed by hash`);

// Then the offline files, over the final page (hooks of one stage may run at once).
await import(new URL('./offline.mjs', import.meta.url));
