// Electronegativity on the Electron shell (electron/), held to a reviewed baseline.
// The tool always exits 0, so this reads the findings its runner returns and exits 1 on any finding the
// baseline does not accept, on a baseline entry that no longer matches a finding (fixed: remove it), or on a
// file the tool could not parse (it would go unchecked). The tool's CSV report is still written, for people.
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

const findings = result.issues.map(toFinding);
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
  console.error(`electronegativity: ${problems.length} problem(s) (the tool's own report: ${report})\n`);
  for (const problem of problems) console.error(`  - ${problem}\n`);
  console.error(`Fix the shell (electron/*.ts), or, after review, accept a finding in ${BASELINE} with a reason.`);
  process.exit(1);
}
console.log(
  `electronegativity: ${findings.length} finding(s) in electron/, all accepted by the reviewed baseline ` +
    `(${result.atomicChecks} checks per file, ${result.globalChecks} global checks; report: ${report})`,
);

/**
 * A finding as the tool's CSV report shows it, taken from what its runner returned: the tool writes the CSV's
 * header and rows with two unawaited writes that can land in either order, so the file is not to be trusted.
 */
function toFinding(issue) {
  const finding = {
    check: issue.id,
    severity: issue.severity?.name,
    confidence: issue.confidence?.name,
    file: issue.file ?? 'N/A',
    location: `${issue.location?.line}:${issue.location?.column}`,
    sample: issue.sample ?? 'N/A',
    description: issue.description,
    url: WIKI + issue.id,
  };
  if (!/^[A-Z_]+$/.test(String(finding.check)) || !finding.severity || !finding.confidence) {
    console.error(`electronegativity returned a malformed finding: ${JSON.stringify(issue)}`);
    process.exit(1);
  }
  return finding;
}
