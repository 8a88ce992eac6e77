/**
 * The print route: the pack alone, without the app's chrome, as the desktop's hidden
 * print window, the browser's print frame and the benchmark load it. One function builds
 * the hash and one reads it, so the three cannot disagree.
 */
import type { PackPaperSize } from './model';

export interface PackPrintTarget {
  engagementId: string;
  checkpointId: string;
  /** An issued version, or null for the live draft. */
  version: number | null;
  paper: PackPaperSize;
}

export const PACK_PRINT_ROUTE_PREFIX = '/print/pack';

/** The route (without the leading "#"), e.g. "/print/pack/<engagement>/<checkpoint>/v2/a4". */
export function packPrintRoute(target: PackPrintTarget): string {
  const version = target.version === null ? 'draft' : `v${target.version}`;
  return `${PACK_PRINT_ROUTE_PREFIX}/${encodeURIComponent(target.engagementId)}/${encodeURIComponent(target.checkpointId)}/${version}/${target.paper}`;
}

/** `decodeURIComponent`, or null for a malformed escape such as "%E0%A4%A" (which makes it throw). */
function decodedSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The print target a route names, or null when it is not a print route (or a segment is not valid percent-encoding). */
export function parsePackPrintRoute(route: string): PackPrintTarget | null {
  const match = /^\/print\/pack\/([^/]+)\/([^/]+)\/(draft|v[1-9]\d{0,2})\/(a4|letter)$/.exec(route);
  if (!match) return null;
  const [, rawEngagementId, rawCheckpointId, version, paper] = match;
  const engagementId = decodedSegment(rawEngagementId!);
  const checkpointId = decodedSegment(rawCheckpointId!);
  if (engagementId === null || checkpointId === null) return null;
  return {
    engagementId,
    checkpointId,
    version: version === 'draft' ? null : Number(version!.slice(1)),
    paper: paper as PackPaperSize,
  };
}

/** How long a print window may take to say it is ready before the export gives up. */
export const PRINT_READY_TIMEOUT_MS = 30_000;
