// Reads a WACZ package the way a replay tool does, with code no one in this project wrote (Webrecorder's warcio.js,
// yauzl): checks it against WACZ 1.1.1, then looks each page up in the CDXJ index and reads its WARC record by
// seeking straight into the stored archive member. Prints a JSON report: {problems: [...], pages: [...]}.
import { createHash } from 'node:crypto';
import { openSync, readSync } from 'node:fs';
import yauzl from 'yauzl';
import { WARCParser } from 'warcio';

const file = process.argv[2];
const problems = [];
const zip = await new Promise((ok, fail) => yauzl.open(file, { lazyEntries: true, autoClose: false }, (e, z) => (e ? fail(e) : ok(z))));
const entries = new Map();
await new Promise((ok, fail) => {
  zip.on('entry', (entry) => { entries.set(entry.fileName, entry); zip.readEntry(); });
  zip.on('end', ok);
  zip.on('error', fail);
  zip.readEntry();
});

const read = (name) => new Promise((ok, fail) => zip.openReadStream(entries.get(name), (e, s) => {
  if (e) return fail(e);
  const chunks = [];
  s.on('data', (c) => chunks.push(c));
  s.on('end', () => ok(Buffer.concat(chunks)));
  s.on('error', fail);
}));
const sha256 = (bytes) => 'sha256:' + createHash('sha256').update(bytes).digest('hex');

// WACZ 1.1.1: the archive (and other already compressed files) stored, so that a reader can seek into them
for (const [name, entry] of entries) {
  if ((name.startsWith('archive/') || name.endsWith('.png') || name.startsWith('indexes/')) && entry.compressionMethod !== 0) {
    problems.push(`${name} is compressed in the ZIP (method ${entry.compressionMethod}); it must be stored`);
  }
}
for (const required of ['datapackage.json', 'datapackage-digest.json', 'pages/pages.jsonl']) {
  if (!entries.has(required)) problems.push(`${required} is missing`);
}
if (problems.length) { console.log(JSON.stringify({ problems, pages: [] })); process.exit(0); }

const pkgBytes = await read('datapackage.json');
const digest = JSON.parse(await read('datapackage-digest.json'));
if (digest.path !== 'datapackage.json' || digest.hash !== sha256(pkgBytes)) {
  problems.push('datapackage-digest.json does not match datapackage.json');
}
const pkg = JSON.parse(pkgBytes);
if (pkg.wacz_version !== '1.1.1') problems.push(`wacz_version is ${pkg.wacz_version}`);
if (pkg.profile !== 'data-package') problems.push(`profile is ${pkg.profile}`);
for (const r of pkg.resources) {
  if (!entries.has(r.path)) { problems.push(`${r.path} is listed but missing`); continue; }
  const bytes = await read(r.path);
  if (sha256(bytes) !== r.hash || bytes.length !== r.bytes) problems.push(`${r.path} does not match its hash or size`);
}
for (const name of entries.keys()) {
  if (!name.endsWith('/') && name !== 'datapackage.json' && name !== 'datapackage-digest.json'
      && !pkg.resources.some((r) => r.path === name)) problems.push(`${name} is not listed in datapackage.json`);
}

const lines = (await read('pages/pages.jsonl')).toString('utf8').split('\n').filter((l) => l.trim());
const header = JSON.parse(lines[0]);
if (header.format !== 'json-pages-1.0') problems.push('pages.jsonl has no json-pages-1.0 header');
const pages = lines.slice(1).map((l) => JSON.parse(l));
for (const p of pages) {
  if (!p.url || !p.ts || Number.isNaN(Date.parse(p.ts))) problems.push(`page ${JSON.stringify(p)} lacks url or an RFC 3339 ts`);
}

// the replay lookup: CDXJ line for the page, then its record at offset/length inside the stored WARC member
const index = [...entries.keys()].find((n) => n.startsWith('indexes/') && n.endsWith('.cdx'));
const cdx = index ? (await read(index)).toString('utf8').split('\n').filter((l) => l.trim()).map((l) => {
  const [, , , json] = l.match(/^(\S+) (\S+) (.*)$/);
  return JSON.parse(json);
}) : [];
if (!index) problems.push('no CDXJ index under indexes/');
const fd = openSync(file, 'r');
const dataStart = (entry) => {
  const head = Buffer.alloc(30);
  readSync(fd, head, 0, 30, entry.relativeOffsetOfLocalHeader);
  return entry.relativeOffsetOfLocalHeader + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
};
const replayed = [];
for (const p of pages) {
  const hit = cdx.find((c) => c.url === p.url && String(c.status ?? '').match(/^[23]/));
  if (!hit) { problems.push(`no index entry for page ${p.url}`); continue; }
  const member = entries.get(`archive/${hit.filename}`);
  if (!member) { problems.push(`index names archive/${hit.filename}, which is missing`); continue; }
  const raw = Buffer.alloc(Number(hit.length));
  readSync(fd, raw, 0, raw.length, dataStart(member) + Number(hit.offset));
  const record = await new WARCParser([raw]).parse();
  if (!record) { problems.push(`no WARC record at the offset the index gives for ${p.url}`); continue; }
  const body = Buffer.from(await record.readFully(true));
  replayed.push({ url: record.warcTargetURI, type: record.warcType, status: record.httpHeaders?.statusCode,
    contentType: record.httpHeaders?.headers.get('content-type'), body: body.toString('utf8') });
}
console.log(JSON.stringify({ problems, pages: replayed }));
