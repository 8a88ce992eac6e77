/**
 * `npm run security:scan`: Electronegativity over the Electron shell and the renderer.
 *
 * The folders are copied into one temporary tree and scanned together, so the global
 * checks (navigation limits, permission handler, CSP) see the main process and the
 * renderer as one app, as they ship. The run fails when:
 *   - a file cannot be parsed (an unscanned file proves nothing);
 *   - a HIGH finding is not in security-scan-allowlist.json with a written justification;
 *   - an allow-list entry matches no finding any more (stale explanations hide new ones);
 *   - an allow-list entry's justification is too short to be one.
 * MEDIUM and lower findings are printed for review; listing them in the allow-list marks
 * them as reviewed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity');

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const scannedFolders = ['electron', 'renderer', 'shared/platform'];
const allowListFile = 'security-scan-allowlist.json';
const FAILING_SEVERITY = 3; // Electronegativity's HIGH
const MIN_JUSTIFICATION_LENGTH = 40;

// This check downloads Electron's release list from GitHub on every run, which makes the
// scan depend on the network; test/electron/electron-version.test.ts holds the same line.
const excludedChecks = ['availablesecurityfixesglobalcheck'];

/** @typedef {{ check: string, file: string, justification: string }} AllowListEntry */

/** @returns {AllowListEntry[]} */
function readAllowList() {
  const entries = JSON.parse(readFileSync(path.join(projectRoot, allowListFile), 'utf8'));
  if (!Array.isArray(entries)) throw new Error(`${allowListFile} must hold an array of { check, file, justification }.`);
  return entries;
}

const electronVersion = JSON.parse(readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')).packages['node_modules/electron']
  .version;

const stage = mkdtempSync(path.join(tmpdir(), 'cockpit-security-scan-'));
let result;
try {
  for (const folder of scannedFolders) cpSync(path.join(projectRoot, folder), path.join(stage, folder), { recursive: true });
  result = await runElectronegativity({
    input: stage,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: excludedChecks,
    parserPlugins: [],
  });
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const allowList = readAllowList();
const failures = [];

for (const error of result.errors) {
  const file = path.relative(stage, error.file);
  if (error.tolerable) console.log(`Parser warning in ${file}: ${error.message}`);
  else failures.push(`Could not parse ${file}, so it was not scanned: ${error.message}`);
}

for (const entry of allowList) {
  if (typeof entry.justification !== 'string' || entry.justification.trim().length < MIN_JUSTIFICATION_LENGTH) {
    failures.push(
      `${allowListFile}: ${entry.check} in ${entry.file} needs a written justification (${MIN_JUSTIFICATION_LENGTH}+ characters).`,
    );
  }
}

const isAllowed = (issue) => allowList.some((entry) => entry.check === issue.id && entry.file === issue.file);
const rows = result.issues
  .map((issue) => {
    const status = isAllowed(issue) ? 'explained' : issue.severity.value >= FAILING_SEVERITY ? 'FAIL' : 'review';
    return {
      status,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      check: issue.id,
      where: `${issue.file}:${issue.location.line}`,
      description: issue.description,
    };
  })
  .sort((a, b) => a.where.localeCompare(b.where));

console.log(
  `Electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${result.globalChecks} global and ${result.atomicChecks} atomic checks over ${scannedFolders.join(', ')} (Electron ${electronVersion}).`,
);
for (const row of rows) console.log(`  [${row.status}] ${row.severity}/${row.confidence} ${row.check} at ${row.where}: ${row.description}`);
if (rows.length === 0) console.log('  No findings.');

for (const row of rows.filter((candidate) => candidate.status === 'FAIL')) {
  failures.push(
    `${row.check} (${row.severity}) at ${row.where} is not explained in ${allowListFile}: fix it, or add it there with the reason it is safe.`,
  );
}
for (const entry of allowList) {
  if (!result.issues.some((issue) => issue.id === entry.check && issue.file === entry.file)) {
    failures.push(`${allowListFile}: ${entry.check} in ${entry.file} no longer matches a finding; remove the entry.`);
  }
}

if (failures.length > 0) {
  console.error(`\nSecurity scan failed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('\nSecurity scan passed: no unexplained high-severity finding.');
}
