// Electronegativity on the Electron shell (electron/), held to a reviewed baseline.
// The tool always exits 0, so this reads its CSV report and exits 1 on any finding the baseline does not
// accept, on a baseline entry that no longer matches a finding (fixed: remove it), on a file the tool could
// not parse (it would go unchecked), or when no complete report was produced.
// Usage: node scripts/electronegativity.mjs [--report FILE.csv]   (about 11 s: it waits on a failed release look-up)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const BASELINE = join(root, 'security', 'electronegativity-baseline.json');
const WIKI = 'https://github.com/doyensec/electronegativity/wiki/';

const { values } = parseArgs({ options: { report: { type: 'string' } } });
const report = values.report
  ? resolve(values.report)
  : join(await mkdtemp(join(tmpdir(), 'electronegativity-')), 'report.csv');
const electron = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).devDependencies.electron.replace(
  /^[^\d]*/,
  '',
);

const problems = [];
const fail = (text) => problems.push(text);

// The package's own runner, called as its CLI calls it, so that the files it could not parse come back too
// (the CLI hides them whenever it writes a report).
const run = require('@doyensec/electronegativity');
await rm(report, { force: true });
const result = await run(
  {
    input: join(root, 'electron'),
    output: report,
    isSarif: false,
    isRelative: true,
    electronVersionOverride: electron,
    customScan: [],
    excludeFromScan: [],
    parserPlugins: [],
  },
  false,
);
for (const error of result.errors.filter((e) => !e.tolerable)) {
  fail(`could not parse electron/${error.file} (${error.message}): it was not checked`);
}

const findings = await readReport(report, result.issues.length);
const baseline = JSON.parse(await readFile(BASELINE, 'utf8'));

const groups = new Map();
for (const finding of findings) {
  const key = `${finding.check} ${finding.file}`;
  groups.set(key, [...(groups.get(key) ?? []), finding]);
}
const accepted = new Map();
for (const entry of baseline.accepted) {
  const key = `${entry.check} ${entry.file}`;
  if (typeof entry.why !== 'string' || entry.why.trim().length < 20) {
    fail(`baseline entry ${key} must say in a sentence why it is acceptable ("why")`);
  }
  if (entry.evidence) {
    // The reason rests on a fact outside the scanned folder: it holds only while that fact does.
    const text = await readFile(join(root, entry.evidence.file), 'utf8').catch(() => '');
    if (!text.includes(entry.evidence.contains)) {
      fail(
        `baseline entry ${key} no longer holds: ${entry.evidence.file} does not contain ${JSON.stringify(entry.evidence.contains)}`,
      );
      continue;
    }
  }
  accepted.set(key, entry.count ?? 1);
}

for (const [key, list] of groups) {
  const allowed = accepted.get(key) ?? 0;
  if (list.length <= allowed) continue;
  const [check, file] = key.split(' ');
  fail(
    `${list.length - allowed} new finding(s) of ${check} in ${file === 'N/A' ? 'the application as a whole' : `electron/${file}`}` +
      (allowed ? ` (the baseline accepts ${allowed})` : '') +
      ':\n' +
      list
        .map(
          (f) =>
            `    ${f.severity}/${f.confidence} at ${f.location}: ${f.sample === 'N/A' ? '' : `${f.sample}\n      `}${f.description}\n      ${f.url}`,
        )
        .join('\n'),
  );
}
for (const [key, allowed] of accepted) {
  const found = groups.get(key)?.length ?? 0;
  if (found < allowed) {
    fail(`baseline entry ${key} expects ${allowed} finding(s), the scan reports ${found}: fixed? Update the baseline.`);
  }
}

if (problems.length) {
  console.error(`electronegativity: ${problems.length} problem(s) (report: ${report})\n`);
  for (const problem of problems) console.error(`  - ${problem}\n`);
  console.error(`Fix the shell (electron/*.ts), or, after review, accept a finding in ${BASELINE} with a reason.`);
  process.exit(1);
}
console.log(
  `electronegativity: ${findings.length} finding(s) in electron/, all accepted by the reviewed baseline ` +
    `(${result.atomicChecks} checks per file, ${result.globalChecks} global checks; report: ${report})`,
);

/**
 * The CSV as written by the tool. It writes the header and the rows with two unawaited writes, so wait until
 * the rows the runner returned are all there, and refuse a missing, malformed or incomplete report.
 */
async function readReport(file, expected) {
  let rows;
  for (let attempt = 0; attempt < 100; attempt++) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    const body = text?.match(/^issue, severity, confidence, filename, location, sample, description, url\r?\n/);
    if (body) {
      rows = parseCsv(text.slice(body[0].length));
      if (rows.length >= expected) break;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  if (!rows) {
    console.error(`electronegativity produced no report at ${file}`);
    process.exit(1);
  }
  if (rows.length !== expected) {
    console.error(`electronegativity's report has ${rows.length} findings; its runner returned ${expected}`);
    process.exit(1);
  }
  return rows.map((fields) => {
    const [check, severity, confidence, file, location, sample, description, url] = fields;
    if (fields.length !== 8 || !/^[A-Z_]+$/.test(check) || url !== WIKI + check) {
      console.error(`electronegativity's report has a malformed row: ${JSON.stringify(fields)}`);
      process.exit(1);
    }
    return { check, severity, confidence, file, location, sample, description, url };
  });
}

/** RFC 4180 rows: fields in double quotes may hold commas, doubled quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}
