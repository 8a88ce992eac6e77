/**
 * The headless pack command end to end: built as `npm run pack` builds it, run as a child
 * process on a backup of the demo workspace, for each format and each way it can fail.
 * A failure must exit non-zero with a message naming what is wrong and where, and leave
 * nothing at --out (an existing file there stays as it was).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptBackup } from '@shared/backup/encryption';
import { serializeWorkspace } from '@shared/backup/workspace-backup';
import { generateDemoWorkspace } from '@shared/demo/generate';
import type { Checkpoint } from '@shared/domain/decisions';
import type { IssuedPack } from '@shared/domain/issued-pack';
import type { WorkspaceData } from '@shared/domain/workspace';
import { buildPack } from '@shared/pack/build-pack';
import { checkpointsInOrder } from '@shared/pack/checkpoint-timeline';
import { packToMarkdown } from '@shared/pack/markdown';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
// Inside the project, so the built command finds playwright-core in node_modules as dist-cli/ does.
const buildDir = path.join(root, '.tmp', `pack-cli-build-${process.pid}`);
const command = path.join(buildDir, 'pack.mjs');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const today = '2026-11-20';
const app = { name: 'Governance Cockpit', version: '0.1.0' };

let work: string;
let data: WorkspaceData;
let backup: string;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function pack(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [command, ...args], {
      cwd: work,
      env: { ...process.env, CHROME_PATH: chromium, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function writeBackup(name: string, workspace: WorkspaceData): string {
  const file = path.join(work, name);
  writeFileSync(file, serializeWorkspace(workspace, app));
  return file;
}

function latestCheckpointOf(engagementId: string): Checkpoint {
  return checkpointsInOrder(data.checkpoints.filter((checkpoint) => checkpoint.engagementId === engagementId)).at(-1)!;
}

const engagement = () => data.engagements[0]!;
const out = (name: string) => path.join(work, name);

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], { cwd: root, env: { ...process.env, CLI_OUT_DIR: buildDir } });
  work = mkdtempSync(path.join(tmpdir(), 'cockpit-pack-cli-'));
  data = generateDemoWorkspace({ today, seed: 11 });
  backup = writeBackup('workspace.json', data);
}, 120_000);

afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('npm run pack', { timeout: 60_000 }, () => {
  it('writes the Markdown of the latest checkpoint’s draft pack, finding the engagement by name in any case', async () => {
    const target = out('draft.md');
    const { name, id } = engagement();
    const result = await pack(['--workspace', backup, '--engagement', `  ${name.toUpperCase()} `, '--out', target]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const checkpoint = latestCheckpointOf(id);
    expect(result.stdout).toContain(`Draft pack (not issued) of ${name}, ${checkpoint.title} (${checkpoint.date})`);
    expect(result.stdout).toContain(`Wrote ${target} (Markdown,`);
    const markdown = readFileSync(target, 'utf8');
    const expected = buildPack(data, checkpoint, { generatedAt: '2026-11-20T09:00:00.000Z' });
    expect(markdown).toContain(name);
    for (const section of expected.sections) expect(markdown).toContain(section.title);
    expect(readdirSync(work).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('writes one self-contained HTML file, by engagement id, with the Inter fonts embedded', async () => {
    const target = out('pack.html');
    const { name, id } = engagement();
    const result = await pack(['--workspace', backup, '--engagement', id, '--format', 'html', '--out', target]);
    expect(result.code).toBe(0);
    const html = readFileSync(target, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(name);
    expect(html).toMatch(
      /@font-face \{[^}]*font-family: 'Inter Pack';[^}]*font-weight: 700;[^}]*src: url\("data:font\/woff2;base64,[A-Za-z0-9+/=]{20000,}"\)/,
    );
    // Nothing to fetch: no stylesheet, script, image or font from anywhere else (url(#…) is an SVG marker in the page).
    expect(html.match(/<link |<script|url\((?!"data:|#)|(src|href)="(?!#)/g)).toBeNull();
    for (const section of buildPack(data, latestCheckpointOf(id)).sections) expect(html).toContain(section.title);
  });

  it('prints a PDF through Chromium on Letter paper, showing the engagement and every section', async () => {
    const target = out('letter.pdf');
    const { name, id } = engagement();
    const result = await pack(['--workspace', backup, '--engagement', name, '--paper', 'letter', '--out', target]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' });
    expect(text).toContain(name);
    for (const section of buildPack(data, latestCheckpointOf(id)).sections) expect(text).toContain(section.title);
    const info = execFileSync('pdfinfo', [target], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+612 x 792 pts/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    // The pack's static Inter faces embed as TrueType subsets, not Type 3 glyphs.
    const fonts = execFileSync('pdffonts', [target], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+Inter-Regular\s+CID TrueType/);
    expect(fonts).not.toContain('Type 3');
  });

  it('renders the latest issued version of a checkpoint’s pack exactly as it was frozen, not the live data', async () => {
    const { name, id } = engagement();
    const checkpoints = checkpointsInOrder(data.checkpoints.filter((checkpoint) => checkpoint.engagementId === id));
    const earlier = checkpoints.at(-2)!;
    const frozen = buildPack(data, earlier, { generatedAt: '2026-10-02T16:00:00.000Z' });
    const issued = (version: number, issuedBy: string): IssuedPack => ({
      id: `99999999-0000-4000-8000-00000000000${version}`,
      engagementId: id,
      createdAt: `2026-10-0${version + 1}T16:00:00.000Z`,
      updatedAt: `2026-10-0${version + 1}T16:00:00.000Z`,
      revision: 1,
      checkpointId: earlier.id,
      version,
      issuedAt: `2026-10-0${version + 1}T16:00:00.000Z`,
      issuedBy,
      note: version === 1 ? '' : 'Corrected the velocity figures',
      // v1 carries a title the live data never had, so the output shows which one was used.
      pack: version === 1 ? { ...frozen, checkpoint: { ...frozen.checkpoint, title: 'Superseded first issue' } } : frozen,
    });
    const withIssues = writeBackup('issued.json', { ...data, issuedPacks: [issued(1, 'Dana Whitfield'), issued(2, 'Dana Whitfield')] });
    const target = out('issued.md');
    const result = await pack(['--workspace', withIssues, '--engagement', id, '--checkpoint', earlier.id, '--out', target]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      `Issued pack v2 of ${name}, ${earlier.title} (${earlier.date}), as issued on 2026-10-03 by Dana Whitfield.`,
    );
    expect(readFileSync(target, 'utf8')).toBe(
      packToMarkdown(frozen, { version: 2, issuedAt: '2026-10-03T16:00:00.000Z', issuedBy: 'Dana Whitfield' }),
    );
  });

  it('opens an encrypted backup with the passphrase from COCKPIT_PASSPHRASE, and says how to give it when it is missing', async () => {
    const passphrase = 'copper kettle on the landing';
    const sealed = path.join(work, 'sealed.json');
    writeFileSync(sealed, await encryptBackup(serializeWorkspace(data, app), passphrase));
    const target = out('sealed.md');

    const missing = await pack(['--workspace', sealed, '--engagement', engagement().id, '--out', target], { COCKPIT_PASSPHRASE: '' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      `pack: ${sealed} is an encrypted backup: give its passphrase in the COCKPIT_PASSPHRASE environment variable`,
    );

    const wrong = await pack(['--workspace', sealed, '--engagement', engagement().id, '--out', target], {
      COCKPIT_PASSPHRASE: 'not the passphrase at all',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('The passphrase is wrong, or the file was changed after it was encrypted.');
    expect(existsSync(target)).toBe(false);

    const right = await pack(['--workspace', sealed, '--engagement', engagement().id, '--out', target], { COCKPIT_PASSPHRASE: passphrase });
    expect(right.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain(engagement().name);
  });

  describe('fails clearly, with a non-zero exit and nothing at --out', () => {
    async function expectFailure(args: string[], code: number, message: string | RegExp, env: Record<string, string> = {}) {
      const target = out(`failed-${Math.random().toString(36).slice(2)}.pdf`);
      const result = await pack([...args, '--out', target], env);
      expect(result.code).toBe(code);
      if (typeof message === 'string') expect(result.stderr).toContain(message);
      else expect(result.stderr).toMatch(message);
      expect(result.stderr.startsWith('pack: ')).toBe(true);
      expect(existsSync(target)).toBe(false);
      expect(readdirSync(work).filter((file) => file.includes('failed-'))).toEqual([]);
      return result;
    }

    it('an unknown engagement, listing the engagements the backup holds', async () => {
      const names = data.engagements.map((candidate) => `"${candidate.name}" (id ${candidate.id})`);
      const result = await expectFailure(
        ['--workspace', backup, '--engagement', 'Nowhere Ltd', '--format', 'md'],
        1,
        `No engagement "Nowhere Ltd" in ${backup}; its engagements are `,
      );
      for (const listed of names) expect(result.stderr).toContain(listed);
    });

    it('a name two engagements share, listing both', async () => {
      const [first, second] = data.engagements;
      const twins = writeBackup('twins.json', {
        ...data,
        engagements: data.engagements.map((candidate) =>
          candidate.id === second!.id ? { ...candidate, name: first!.name.toLowerCase() } : candidate,
        ),
      });
      await expectFailure(
        ['--workspace', twins, '--engagement', first!.name, '--format', 'md'],
        1,
        `"${first!.name}" names 2 engagements in ${twins}: ${[
          [first!.id, `"${first!.name}" (id ${first!.id})`],
          [second!.id, `"${first!.name.toLowerCase()}" (id ${second!.id})`],
        ]
          .sort(([a], [b]) => a!.localeCompare(b!))
          .map(([, text]) => text)
          .join(', ')}. Give the id with --engagement.`,
      );
    });

    it('an unknown checkpoint, listing the engagement’s checkpoints', async () => {
      const latest = latestCheckpointOf(engagement().id);
      await expectFailure(
        ['--workspace', backup, '--engagement', engagement().id, '--checkpoint', 'no-such-checkpoint', '--format', 'md'],
        1,
        `No checkpoint no-such-checkpoint in engagement "${engagement().name}"; its checkpoints are ${latest.id} (${latest.date}, ${latest.title})`,
      );
    });

    it('malformed JSON, with the line and column', async () => {
      const broken = path.join(work, 'broken.json');
      writeFileSync(broken, '{\n  "format": "governance-cockpit-workspace",\n  "tables": {\n    "risks": [\n');
      await expectFailure(
        ['--workspace', broken, '--engagement', 'x'],
        1,
        `pack: ${broken} is not a valid workspace backup: at $: The file is not valid JSON (line 5, column 1)`,
      );
    });

    it('a JSON file that is not a workspace backup', async () => {
      const other = path.join(work, 'package.json');
      writeFileSync(other, JSON.stringify({ name: 'something-else', version: '1.0.0' }));
      await expectFailure(
        ['--workspace', other, '--engagement', 'x'],
        1,
        `pack: ${other} is not a valid workspace backup: at $.format: The file is not a Governance Cockpit workspace backup`,
      );
    });

    it('a backup with an invalid record, naming the record and field', async () => {
      const damaged = writeBackup('damaged.json', {
        ...data,
        risks: data.risks.map((risk, index) => (index === 0 ? { ...risk, likelihood: 42 } : risk)) as WorkspaceData['risks'],
      });
      await expectFailure(
        ['--workspace', damaged, '--engagement', 'x'],
        1,
        /is not a valid workspace backup: at \$\.tables\.risks\[\d+\]\.likelihood: /,
      );
    });

    it('a workspace file that does not exist', async () => {
      const absent = path.join(work, 'absent.json');
      await expectFailure(
        ['--workspace', absent, '--engagement', 'x'],
        1,
        `pack: Cannot read the workspace backup ${absent}: there is no such file.`,
      );
    });

    it('a browser that is not there, saying how to set CHROME_PATH', async () => {
      await expectFailure(
        ['--workspace', backup, '--engagement', engagement().id, '--format', 'pdf'],
        1,
        'pack: CHROME_PATH is set to /nonexistent/chromium, which is not an executable file. Point CHROME_PATH at Chromium or Chrome',
        { CHROME_PATH: '/nonexistent/chromium' },
      );
    });

    it('an output folder that does not exist', async () => {
      const target = path.join(work, 'no-such-folder', 'pack.md');
      const result = await pack(['--workspace', backup, '--engagement', engagement().id, '--out', target]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `pack: The folder for --out does not exist: ${path.dirname(target)}. Create it first, or write somewhere else.\n`,
      );
      expect(existsSync(path.dirname(target))).toBe(false);
    });

    it.each([
      [['--engagement', 'x', '--out', 'pack.pdf'], 'pack: Missing --workspace <backup.json>.'],
      [['--workspace', 'w.json', '--engagement', 'x'], 'pack: Missing --out <file>.'],
      [
        ['--workspace', 'w.json', '--engagement', 'x', '--out', 'p.pdf', '--format', 'docx'],
        'pack: --format must be pdf, html or md, not "docx".',
      ],
      [['--workspace', 'w.json', '--engagement', 'x', '--out', 'p.pdf', '--paper', 'a3'], 'pack: --paper must be a4 or letter, not "a3".'],
      [['--workspace', 'w.json', '--engagement', 'x', '--out', 'p.pdf', '--outfile', 'q.pdf'], "pack: Unknown option '--outfile'."],
      [['--workspace', 'w.json', '--engagement', '', '--out', 'p.pdf'], 'pack: --engagement is empty.'],
    ])('bad arguments %j: usage, exit 2', async (args, message) => {
      const result = await pack(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `${message}\nUsage: npm run pack -- --workspace <backup.json> --engagement <id or name> [--checkpoint <id>] [--format pdf|html|md] [--paper a4|letter] --out <file>\n`,
      );
      expect(readdirSync(work).filter((file) => /^(p|q|pack)\.pdf$/.test(file))).toEqual([]);
    });

    it('leaves an existing file at --out as it was', async () => {
      const target = out('kept.md');
      writeFileSync(target, 'the previous pack');
      const result = await pack(['--workspace', backup, '--engagement', 'Nowhere Ltd', '--out', target]);
      expect(result.code).toBe(1);
      expect(readFileSync(target, 'utf8')).toBe('the previous pack');
    });
  });

  it('prints its usage for --help', async () => {
    const result = await pack(['--help']);
    expect(result).toEqual({ code: 0, stderr: '', stdout: expect.stringMatching(/^Usage: npm run pack -- --workspace <backup.json>/) });
  });
});
