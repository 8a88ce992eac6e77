import type { OverlapResult } from '@shared/time/overlap';
import { describeOverlap } from '@shared/time/overlap';
import { formatDuration } from '../../app/format';

const bandWords = { none: 'no overlap', minimal: 'minimal overlap', partial: 'partial overlap', strong: 'strong overlap' } as const;

export function OverlapBadge({ overlap }: { overlap: OverlapResult }) {
  return (
    <span className="overlap-badge" data-band={overlap.band} title={describeOverlap(overlap)}>
      {formatDuration(Math.round(overlap.minutes))}
      <span className="visually-hidden">, {bandWords[overlap.band]}</span>
    </span>
  );
}
