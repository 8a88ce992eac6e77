/** The hash routes of a checkpoint's pack: the live draft and each issued version. */
export function packPreviewHref(engagementId: string, checkpointId: string, version: number | null): string {
  const base = `/engagements/${encodeURIComponent(engagementId)}/checkpoints/${encodeURIComponent(checkpointId)}/pack`;
  return version === null ? base : `${base}/v${version}`;
}

export function checkpointHref(engagementId: string, checkpointId: string): string {
  return `/engagements/${encodeURIComponent(engagementId)}/checkpoints/${encodeURIComponent(checkpointId)}`;
}

/** "v3" → 3; anything else (v0, 3, v1a) → null. */
export function parsePackVersion(segment: string): number | null {
  const match = /^v([1-9]\d{0,2})$/.exec(segment);
  return match ? Number(match[1]) : null;
}
