/**
 * `npm run pack -- --workspace <backup.json> --engagement <id or name> [--checkpoint <id>]
 * [--format pdf|html|md] [--paper a4|letter] --out <file>`
 *
 * Renders a checkpoint's meeting pack from a workspace backup file, without the app:
 * the same pack model and the same document the app prints, for leads who produce packs
 * for many engagements at once. Built by scripts/build-cli.mjs into dist-cli/pack.mjs.
 */
import path from 'node:path';
import { parsePackArguments, PACK_USAGE, type PackArguments } from './pack-arguments';
import { findChromium, printHtmlToPdf } from './pack-browser';
import { EXIT_FAILURE, PackCommandError } from './pack-errors';
import { checkOutputPath, writeOutput } from './pack-output';
import { packHtml, packMarkdown } from './pack-render';
import { choosePack, describeChosenPack, findCheckpoint, findEngagement, readWorkspaceBackup } from './pack-workspace';

const formatNames = { pdf: 'PDF', html: 'HTML', md: 'Markdown' } as const;

/**
 * `npm run` starts scripts in the project folder; INIT_CWD is where the user typed the
 * command, so `--out pack.pdf` lands there, as it would for any other command.
 */
function withPathsFromUsersFolder(options: PackArguments, environment: NodeJS.ProcessEnv): PackArguments {
  const base = environment.npm_lifecycle_event === 'pack' && environment.INIT_CWD ? environment.INIT_CWD : process.cwd();
  return { ...options, workspace: path.resolve(base, options.workspace), out: path.resolve(base, options.out) };
}

async function renderPack(given: PackArguments, environment: NodeJS.ProcessEnv): Promise<void> {
  const options = withPathsFromUsersFolder(given, environment);
  const target = checkOutputPath(options.out);
  // Found before the workspace is read, so a missing browser fails fast, before any work.
  const browser = options.format === 'pdf' ? findChromium(environment) : null;
  const data = await readWorkspaceBackup(options.workspace, environment);
  const engagement = findEngagement(data, options.engagement, options.workspace);
  const checkpoint = findCheckpoint(data, engagement, options.checkpoint);
  const chosen = choosePack(data, checkpoint, new Date());
  process.stdout.write(`${describeChosenPack(chosen)}\n`);

  const { pack, issue } = chosen;
  const content =
    options.format === 'md'
      ? packMarkdown(pack, issue)
      : options.format === 'html'
        ? packHtml(pack, issue, options.paper)
        : await printHtmlToPdf(packHtml(pack, issue, options.paper), browser!);
  await writeOutput(target, content);
  const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  process.stdout.write(`Wrote ${target} (${formatNames[options.format]}, ${Math.max(1, Math.round(bytes / 1024))} KB).\n`);
}

async function main(argv: readonly string[], environment: NodeJS.ProcessEnv): Promise<number> {
  try {
    const parsed = parsePackArguments(argv);
    if (parsed.help) {
      process.stdout.write(`${PACK_USAGE}\n`);
      return 0;
    }
    await renderPack(parsed, environment);
    return 0;
  } catch (error) {
    if (error instanceof PackCommandError) {
      process.stderr.write(`pack: ${error.message}\n`);
      return error.exitCode;
    }
    // Not one of ours: a bug or an environment failure; the stack helps whoever reports it.
    process.stderr.write(`pack: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

process.exitCode = await main(process.argv.slice(2), process.env);
