import type { Risk, RiskEvent } from '@shared/domain/risk';

export const engagementId = '11111111-1111-4111-8111-111111111111';

let counter = 0;
/** Distinct valid ids, readable in failure messages. */
export function nextId(): string {
  counter++;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

export function makeRisk(overrides: Partial<Risk> = {}): Risk {
  return {
    id: nextId(),
    engagementId,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    revision: 1,
    reference: 'R-001',
    title: 'Key developer leaves the partner team',
    description: '',
    category: 'organizational',
    cause: '',
    trigger: '',
    likelihood: 3,
    impact: 3,
    residualLikelihood: null,
    residualImpact: null,
    ownerId: null,
    response: 'mitigate',
    status: 'open',
    proximity: 'this-quarter',
    nextReviewOn: null,
    lastReviewedAt: null,
    closedAt: null,
    kpiIds: [],
    escalationIds: [],
    ...overrides,
  };
}

export function makeEvent(risk: Risk, overrides: Partial<RiskEvent> & Pick<RiskEvent, 'at' | 'kind'>): RiskEvent {
  return {
    id: nextId(),
    engagementId: risk.engagementId,
    riskId: risk.id,
    by: 'Ana Lima',
    changes: [],
    rating: null,
    ...overrides,
  };
}
