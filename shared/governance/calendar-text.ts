/** RFC 5545 text building blocks: escaping, line folding and date-time values. */

export const CRLF = '\r\n';
/** RFC 5545 §3.1: content lines SHOULD NOT be longer than 75 octets, excluding the line break. */
export const MAX_LINE_OCTETS = 75;

/** TEXT values (§3.3.11): backslash first, so the escapes added after it stay single. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds a content line into chunks of at most 75 UTF-8 octets; continuation lines start
 * with one space, which counts towards their 75. Splits only between code points, since
 * a character cut in half would reach the reader as two replacement characters.
 */
export function foldLine(line: string): string {
  const chunks: string[] = [];
  let chunk = '';
  let chunkOctets = 0;
  for (const character of line) {
    const octets = utf8Length(character.codePointAt(0)!);
    const limit = chunks.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (chunkOctets + octets > limit) {
      chunks.push(chunk);
      chunk = '';
      chunkOctets = 0;
    }
    chunk += character;
    chunkOctets += octets;
  }
  chunks.push(chunk);
  return chunks.join(`${CRLF} `);
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/** Basic ISO 8601 without separators: 'YYYYMMDDTHHMMSS', plus 'Z' for UTC. */
function basicDateTime(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '');
}

/** DATE-TIME in UTC form, e.g. '20260119T150000Z'. */
export function formatUtcDateTime(epochMs: number): string {
  return `${basicDateTime(epochMs)}Z`;
}

/** Floating wall-clock DATE-TIME for a reading encoded as if it were UTC, e.g. '20260308T020000'. */
export function formatWallClock(wallMs: number): string {
  return basicDateTime(wallMs);
}

/** Wall-clock DATE-TIME for a calendar date and 'HH:MM', e.g. '20260119T100000'. */
export function formatLocalDateTime(date: string, wallTime: string): string {
  return `${date.replace(/-/g, '')}T${wallTime.replace(':', '')}00`;
}

/** UTC-OFFSET (§3.3.14), e.g. '+0530', '-0400'. */
export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(Math.round(offsetMinutes));
  return `${sign}${pad(Math.floor(absolute / 60))}${pad(absolute % 60)}`;
}
