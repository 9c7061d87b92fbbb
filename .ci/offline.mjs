// Run by the Trunk post-build hook after csp-hashes.mjs: makes the built app installable and able to
// open with no network after the first visit. It writes, into the build:
//
// - `manifest.webmanifest` and its icons (PNG 192 and 512 px, drawn here, and an SVG), so a
//   browser can install Raami as an app;
// - `sw.js`, a service worker that keeps the app's own files (every file of the build, named
//   here with their content hashes) in the browser's cache and answers from it, network
//   second. It fetches nothing but those files, from the page's own origin: budget data never
//   reaches it, as the app makes no request for data at all.
//
// All paths are relative, so the build still works from any static host and sub-path.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const ACCENT = [0x0b, 0x5c, 0xad];

/** A PNG of the icon: the accent colour, rounded, with three rising white bars. */
function icon(size) {
  const px = Buffer.alloc(size * size * 4);
  const s = size / 512;
  const radius = 96 * s;
  const bars = [[128, 300], [220, 220], [312, 140]].map(([x, top]) => [x * s, (x + 72) * s, top * s, 384 * s]);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      // Outside the rounded corners: transparent.
      const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
      const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
      if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > radius ** 2) continue;
      const white = bars.some(([x0, x1, y0, y1]) => x >= x0 && x < x1 && y >= y0 && y < y1)
        || (y >= 392 * s && y < 408 * s && x >= 112 * s && x < 400 * s);
      const [r, g, b] = white ? [255, 255, 255] : ACCENT;
      px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = 255;
    }
  }
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="#0b5cad"/><g fill="#fff"><rect x="128" y="300" width="72" height="84"/><rect x="220" y="220" width="72" height="164"/><rect x="312" y="140" width="72" height="244"/><rect x="112" y="392" width="288" height="16"/></g></svg>\n`;
fs.writeFileSync(path.join(dir, 'icon-192.png'), icon(192));
fs.writeFileSync(path.join(dir, 'icon-512.png'), icon(512));
fs.writeFileSync(path.join(dir, 'icon.svg'), svg);

const manifest = {
  name: 'Raami – kunnan talous selaimessa',
  short_name: 'Raami',
  description: 'Kunnan talousarvio ja tilinpäätös selaimessa. Tiedot pysyvät laitteella.',
  lang: 'fi',
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#0b5cad',
  icons: [
    { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
    { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
  ],
};
fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);

// Every file of the build but the service worker itself, and the page's own address.
const files = fs.readdirSync(dir, { recursive: true })
  .filter((f) => fs.statSync(path.join(dir, f)).isFile() && f !== 'sw.js')
  .map((f) => f.split(path.sep).join('/'))
  .sort();
const version = crypto.createHash('sha256');
for (const f of files) version.update(f).update(fs.readFileSync(path.join(dir, f)));
const worker = `// Raami's service worker, written by .ci/offline.mjs: the app's own files, kept in the
// browser's cache so that Raami opens with no network after the first visit. It fetches only
// these files, from the app's own origin, and answers from the cache first.
const CACHE = 'raami-${version.digest('hex').slice(0, 16)}';
const FILES = ${JSON.stringify(['./', ...files])};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('raami-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // The page at any fragment or query is the page itself.
  const key = request.mode === 'navigate' ? './' : request;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(key, { ignoreSearch: request.mode === 'navigate' }))
    .then((hit) => hit ?? fetch(request)));
});
`;
fs.writeFileSync(path.join(dir, 'sw.js'), worker);
console.error(`offline: manifest, icons and a service worker keeping ${files.length + 1} files`);
