import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import type { RiskEvent } from '@shared/domain/risk';
import {
  HISTORY_TEXT_LIMIT,
  changeInWords,
  recordedRatingText,
  timelineOrder,
  type HistoryNames,
} from '../../../../renderer/features/risks/risk-history-text';
import { formatCalendarDate } from '../../../../renderer/app/format';

const AMARA = '20000000-0000-4000-8000-000000000001';
const GONE = '20000000-0000-4000-8000-000000000009';
const KPI = '30000000-0000-4000-8000-000000000001';

const names: HistoryNames = {
  matrix: defaultRiskMatrix(5),
  personName: (id) => (id === AMARA ? 'Amara Okafor' : undefined),
  kpiName: (id) => (id === KPI ? 'Escaped defects' : undefined),
  escalationTitle: () => undefined,
};

const words = (field: string, from: RiskEvent['changes'][number]['from'], to: RiskEvent['changes'][number]['to']) => {
  const { label, from: before, to: after } = changeInWords({ field, from, to }, names);
  return `${label}: ${before} -> ${after}`;
};

describe('history in words', () => {
  it('names levels with the matrix labels and people by name', () => {
    expect(words('likelihood', 2, 4)).toBe('Likelihood: 2 Unlikely -> 4 Likely');
    expect(words('residualImpact', null, 3)).toBe('Residual impact: not assessed -> 3 Moderate');
    expect(words('ownerId', null, AMARA)).toBe('Owner: nobody -> Amara Okafor');
    expect(words('ownerId', GONE, AMARA)).toBe('Owner: A person no longer recorded -> Amara Okafor');
  });

  it('uses the labels of categories, statuses, responses and proximity, and dates as the register shows them', () => {
    expect(words('category', 'technical', 'Vendor lock-in')).toBe('Category: Technical -> Vendor lock-in');
    expect(words('status', 'open', 'closed')).toBe('Status: Open -> Closed');
    expect(words('response', 'accept', 'mitigate')).toBe('Response: Accept -> Mitigate');
    expect(words('proximity', 'later', 'this-quarter')).toBe('Proximity: Later -> This quarter');
    expect(words('nextReviewOn', '2026-12-05', null)).toBe(`Next review: ${formatCalendarDate('2026-12-05')} -> none`);
  });

  it('lists linked records by name and quotes texts, cutting long ones', () => {
    expect(words('kpiIds', [], [KPI, GONE])).toBe('Linked KPIs: none -> Escaped defects, a KPI no longer recorded');
    expect(words('escalationIds', [GONE], [])).toBe('Linked escalations: an escalation no longer recorded -> none');
    expect(words('title', 'Old', 'New')).toBe('Title: “Old” -> “New”');
    expect(words('cause', '', 'Unclear')).toBe('Cause: empty -> “Unclear”');
    const long = changeInWords({ field: 'description', from: 'x'.repeat(500), to: '' }, names).from;
    expect(long).toHaveLength(HISTORY_TEXT_LIMIT + 2);
    expect(long.endsWith('…”')).toBe(true);
  });

  it('states the recorded rating with its band', () => {
    expect(recordedRatingText({ likelihood: 4, impact: 5, band: 'critical' })).toBe('4×5, critical');
    expect(recordedRatingText(null)).toBeNull();
  });

  it('orders the timeline newest first, later writes first at the same instant, across offsets', () => {
    const event = (id: string, at: string): RiskEvent => ({
      id,
      engagementId: AMARA,
      riskId: AMARA,
      at,
      by: 'Dana',
      kind: 'updated',
      changes: [],
      rating: null,
    });
    const ordered = timelineOrder([
      event('a', '2026-11-20T10:00:00.000Z'),
      event('b', '2026-11-21T09:00:00+02:00'),
      event('c', '2026-11-21T08:00:00.000Z'),
      event('d', '2026-11-21T08:00:00.000Z'),
    ]);
    expect(ordered.map((entry) => entry.id)).toEqual(['d', 'c', 'b', 'a']);
  });
});
