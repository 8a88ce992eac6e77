/**
 * The headless pack command's arguments, checked before anything is read or written.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packFormats, packPaperSizes, type PackFormat, type PackPaperSize } from '../shared/pack/model';
import { EXIT_USAGE, PackCommandError } from './pack-errors';

export const PACK_USAGE =
  'Usage: npm run pack -- --workspace <backup.json> --engagement <id or name> [--checkpoint <id>] [--format pdf|html|md] [--paper a4|letter] --out <file>';

export interface PackArguments {
  workspace: string;
  engagement: string;
  /** Null: the engagement's latest checkpoint. */
  checkpoint: string | null;
  format: PackFormat;
  paper: PackPaperSize;
  out: string;
}

export type ParsedArguments = { help: true } | ({ help: false } & PackArguments);

const formatOfExtension: Record<string, PackFormat> = { '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.md': 'md' };

function usageError(problem: string): PackCommandError {
  return new PackCommandError(`${problem}\n${PACK_USAGE}`, EXIT_USAGE);
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(`--${option} must be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}, not "${value}".`);
}

/**
 * `--format` defaults to the format `--out`'s extension names (pdf when it names none),
 * so `--out pack.md` never produces a PDF called pack.md.
 */
export function parsePackArguments(argv: readonly string[]): ParsedArguments {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        workspace: { type: 'string' },
        engagement: { type: 'string' },
        checkpoint: { type: 'string' },
        format: { type: 'string' },
        paper: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // parseArgs says e.g. "Unknown option '--outt'" or "Option '--out <value>' argument missing".
    throw usageError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')}.`.replace(/\.\.$/, '.'));
  }
  if (values.help === true) return { help: true };

  const text = (option: string): string | undefined => {
    const value = values[option];
    if (typeof value !== 'string') return undefined;
    if (value.trim() === '') throw usageError(`--${option} is empty.`);
    return value;
  };
  const workspace = text('workspace');
  const engagement = text('engagement');
  const out = text('out');
  const missing = [
    workspace === undefined && '--workspace <backup.json>',
    engagement === undefined && '--engagement <id or name>',
    out === undefined && '--out <file>',
  ].filter((entry): entry is string => entry !== false);
  if (missing.length > 0) throw usageError(`Missing ${missing.join(', ')}.`);

  const formatText = text('format');
  const format =
    formatText === undefined ? (formatOfExtension[path.extname(out!).toLowerCase()] ?? 'pdf') : oneOf('format', formatText, packFormats);
  const paperText = text('paper');
  const paper = paperText === undefined ? 'a4' : oneOf('paper', paperText.toLowerCase(), packPaperSizes);

  return { help: false, workspace: workspace!, engagement: engagement!, checkpoint: text('checkpoint') ?? null, format, paper, out: out! };
}
