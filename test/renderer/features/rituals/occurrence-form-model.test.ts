import { describe, expect, it } from 'vitest';
import type { Cadence } from '@shared/domain/primitives';
import {
  initialOccurrenceFields,
  isWebLink,
  scheduleProblem,
  suggestedScheduledDate,
  toOccurrenceDraft,
  type OccurrenceContext,
  type OccurrenceFields,
  type RitualForOccurrence,
} from '../../../../renderer/features/rituals/occurrence-form-model';

const TODAY = '2026-11-21'; // a Saturday
const ATTENDEE = '20000000-0000-4000-8000-000000000001';
const ritual = (name: string, cadence: Cadence, firstDate = '2026-01-12', retiredOn: string | null = null): RitualForOccurrence => ({
  name,
  cadence,
  firstDate,
  retiredOn,
});
const sprintPlanning = ritual('Sprint planning', { frequency: 'weekly', interval: 2, weekday: 'MO' });
const refinement = ritual('Backlog refinement', { frequency: 'weekly', interval: 1, weekday: 'WE' });
const incidentReview = ritual('Incident review', { frequency: 'on-demand', description: 'after a production incident' });

function context(overrides: Partial<OccurrenceContext> = {}): OccurrenceContext {
  return { ritual: refinement, today: TODAY, recorded: [], editingId: null, ...overrides };
}

function problemsOf(fields: OccurrenceFields, ctx: OccurrenceContext = context()) {
  const result = toOccurrenceDraft(fields, ctx);
  if (result.ok) throw new Error('expected the meeting to be refused');
  return Object.fromEntries(result.problems.map((problem) => [problem.field, problem.message]));
}

describe('scheduleProblem', () => {
  it('names the nearest scheduled dates either side of a date the cadence skips', () => {
    expect(scheduleProblem(sprintPlanning, '2026-11-18')).toBe(
      'Sprint planning is not scheduled on 2026-11-18; the nearest scheduled dates are 2026-11-16 and 2026-11-30',
    );
    // A Monday of the off week is still not a sprint planning day.
    expect(scheduleProblem(sprintPlanning, '2026-11-23')).toBe(
      'Sprint planning is not scheduled on 2026-11-23; the nearest scheduled dates are 2026-11-16 and 2026-11-30',
    );
    expect(scheduleProblem(sprintPlanning, '2026-11-16')).toBeNull();
    expect(scheduleProblem(refinement, '2026-11-18')).toBeNull();
  });

  it('gives one neighbour before the series starts or after it retires', () => {
    expect(scheduleProblem(sprintPlanning, '2026-01-01')).toBe(
      'Sprint planning is not scheduled on 2026-01-01; the nearest scheduled date is 2026-01-12',
    );
    const retired = ritual(
      'Architecture review',
      { frequency: 'monthly', interval: 1, weekOfMonth: 1, weekday: 'TU' },
      '2026-01-12',
      '2026-11-21',
    );
    expect(scheduleProblem(retired, '2026-12-01')).toBe(
      'Architecture review is not scheduled on 2026-12-01; the nearest scheduled date is 2026-11-03',
    );
  });

  it('finds neighbours a year apart for a yearly cadence', () => {
    const yearly = ritual('Contract review', { frequency: 'monthly', interval: 12, weekOfMonth: -1, weekday: 'FR' }, '2026-01-01');
    expect(scheduleProblem(yearly, '2026-07-01')).toBe(
      'Contract review is not scheduled on 2026-07-01; the nearest scheduled dates are 2026-01-30 and 2027-01-29',
    );
  });

  it('accepts any date for a ritual called on demand', () => {
    expect(scheduleProblem(incidentReview, '2026-11-19')).toBeNull();
    expect(scheduleProblem(incidentReview, '2020-02-29')).toBeNull();
  });
});

describe('suggestedScheduledDate', () => {
  it('is the latest scheduled date on or before today with nothing recorded', () => {
    expect(suggestedScheduledDate(refinement, [], TODAY)).toBe('2026-11-18');
    expect(suggestedScheduledDate(refinement, ['2026-11-18'], TODAY)).toBe('2026-11-11');
    expect(suggestedScheduledDate(refinement, ['2026-11-18', '2026-11-11'], TODAY)).toBe('2026-11-04');
    expect(suggestedScheduledDate(refinement, [], '2026-11-18')).toBe('2026-11-18');
    expect(suggestedScheduledDate(sprintPlanning, [], TODAY)).toBe('2026-11-16');
  });

  it('falls back to the next scheduled date when every past one is recorded, and to today on demand', () => {
    const started = ritual('Backlog refinement', refinement.cadence, '2026-11-10');
    expect(suggestedScheduledDate(started, ['2026-11-11', '2026-11-18'], TODAY)).toBe('2026-11-25');
    expect(suggestedScheduledDate(incidentReview, [], TODAY)).toBe(TODAY);
  });
});

describe('toOccurrenceDraft', () => {
  it('records a meeting held without its output, trimmed', () => {
    const result = toOccurrenceDraft(
      {
        ...initialOccurrenceFields('2026-11-18'),
        outputProduced: false,
        outputNote: '  stories not ready ',
        attendeeIds: [ATTENDEE, ATTENDEE],
      },
      context(),
    );
    expect(result).toEqual({
      ok: true,
      draft: {
        scheduledDate: '2026-11-18',
        heldOn: '2026-11-18',
        status: 'held',
        outputProduced: false,
        outputLink: '',
        outputNote: 'stories not ready',
        attendeeIds: [ATTENDEE],
        notes: '',
      },
    });
  });

  it('refuses a date the cadence does not schedule', () => {
    expect(problemsOf(initialOccurrenceFields('2026-11-18'), context({ ritual: sprintPlanning }))).toEqual({
      scheduledDate: 'Sprint planning is not scheduled on 2026-11-18; the nearest scheduled dates are 2026-11-16 and 2026-11-30',
    });
    expect(problemsOf({ ...initialOccurrenceFields(''), heldOn: '2026-11-18' })).toEqual({
      scheduledDate: 'must be a calendar date as YYYY-MM-DD',
    });
    expect(problemsOf(initialOccurrenceFields(''))).toEqual({
      scheduledDate: 'must be a calendar date as YYYY-MM-DD',
      heldOn: 'must be a calendar date as YYYY-MM-DD',
    });
  });

  it('refuses a second record for the same scheduled date, but lets a record keep its own date', () => {
    const recorded = [{ id: 'first', scheduledDate: '2026-11-18' }];
    expect(problemsOf(initialOccurrenceFields('2026-11-18'), context({ recorded }))).toEqual({
      scheduledDate: 'a Backlog refinement meeting is already recorded for 2026-11-18; edit that one instead',
    });
    expect(toOccurrenceDraft(initialOccurrenceFields('2026-11-18'), context({ recorded, editingId: 'first' })).ok).toBe(true);
  });

  it('lets an old record keep a date its ritual no longer schedules after a cadence change', () => {
    const movedToThursday = ritual('Backlog refinement', { frequency: 'weekly', interval: 1, weekday: 'TH' });
    const recorded = [{ id: 'old', scheduledDate: '2026-11-11' }];
    const editing = context({ ritual: movedToThursday, recorded, editingId: 'old', originalDate: '2026-11-11' });
    expect(toOccurrenceDraft(initialOccurrenceFields('2026-11-11'), editing).ok).toBe(true);
    expect(problemsOf(initialOccurrenceFields('2026-11-18'), editing)).toEqual({
      scheduledDate: 'Backlog refinement is not scheduled on 2026-11-18; the nearest scheduled dates are 2026-11-12 and 2026-11-19',
    });
  });

  it('refuses a held meeting dated in the future, but takes a cancellation ahead of time', () => {
    expect(problemsOf(initialOccurrenceFields('2026-11-25'))).toEqual({
      heldOn: '2026-11-25 is in the future; record the meeting once it has been held',
    });
    expect(problemsOf({ ...initialOccurrenceFields('2026-11-18'), heldOn: '2026-11-22' })).toEqual({
      heldOn: '2026-11-22 is in the future; record the meeting once it has been held',
    });
    // Held a day late is still fine.
    expect(toOccurrenceDraft({ ...initialOccurrenceFields('2026-11-18'), heldOn: '2026-11-19' }, context()).ok).toBe(true);

    const cancelled = toOccurrenceDraft(
      {
        ...initialOccurrenceFields('2026-11-25'),
        status: 'cancelled',
        outputLink: 'not a link',
        outputNote: 'x',
        attendeeIds: [ATTENDEE],
        notes: ' holiday ',
      },
      context(),
    );
    expect(cancelled).toEqual({
      ok: true,
      draft: {
        scheduledDate: '2026-11-25',
        heldOn: null,
        status: 'cancelled',
        outputProduced: false,
        outputLink: '',
        outputNote: '',
        attendeeIds: [],
        notes: 'holiday',
      },
    });
  });

  it('takes only http(s) links to the output', () => {
    const withLink = (outputLink: string) => ({ ...initialOccurrenceFields('2026-11-18'), outputLink });
    for (const bad of ['wiki/ADR-12', 'ftp://files.example.com/adr.pdf', 'javascript:alert(1)', 'https://']) {
      expect(problemsOf(withLink(bad)), bad).toEqual({ outputLink: 'must be a web address starting with http:// or https://' });
    }
    const result = toOccurrenceDraft(withLink('  https://wiki.example.com/adr/12 '), context());
    expect(result.ok && result.draft.outputLink).toBe('https://wiki.example.com/adr/12');
    expect(isWebLink('http://intranet.local/sprint-42')).toBe(true);
  });

  it('reports every problem at once', () => {
    expect(problemsOf({ ...initialOccurrenceFields('2026-11-19'), heldOn: '2027-01-01', outputLink: 'adr-12' })).toEqual({
      scheduledDate: 'Backlog refinement is not scheduled on 2026-11-19; the nearest scheduled dates are 2026-11-18 and 2026-11-25',
      heldOn: '2027-01-01 is in the future; record the meeting once it has been held',
      outputLink: 'must be a web address starting with http:// or https://',
    });
  });
});
