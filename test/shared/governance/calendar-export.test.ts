import { afterEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { defaultRitualTemplates } from '@shared/domain/defaults';
import { RitualSchema, type Ritual } from '@shared/domain/governance';
import { ritualsToICalendar } from '@shared/governance/calendar-export';
import { escapeText, foldLine } from '@shared/governance/calendar-text';
import { scheduledDates } from '@shared/governance/rituals';

const ENGAGEMENT_ID = '10000000-0000-4000-8000-000000000000';
const GENERATED_AT = '2026-01-12T09:00:00.000Z';
let idCounter = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++idCounter).padStart(12, '0')}`;

function ritualFrom(template: (typeof defaultRitualTemplates)[number], overrides: Partial<Ritual> = {}): Ritual {
  const { facilitatorRole, ...fields } = template;
  return RitualSchema.parse({
    ...fields,
    cadence: { ...template.cadence },
    id: nextId(),
    createdAt: GENERATED_AT,
    updatedAt: GENERATED_AT,
    revision: 1,
    engagementId: ENGAGEMENT_ID,
    // A Thursday, so most series start later than the engagement.
    firstDate: '2026-01-15',
    facilitatorId: null,
    facilitatorRole,
    teamIds: [],
    retiredOn: null,
    ...overrides,
  });
}

const template = (kind: string) => defaultRitualTemplates.find((candidate) => candidate.kind === kind)!;

function exportFor(rituals: Ritual[], clientTimeZone = 'America/New_York', engagementName = 'Atlas'): string {
  return ritualsToICalendar({ engagementName, clientTimeZone, rituals, generatedAt: GENERATED_AT });
}

interface ParsedCalendar {
  calendar: ICAL.Component;
  events: ICAL.Event[];
}

function parseCalendar(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const timezones = calendar.getAllSubcomponents('vtimezone');
  expect(timezones).toHaveLength(1);
  // Registered before the events are read, so their TZID resolves to the exported zone.
  ICAL.TimezoneService.register(timezones[0]!);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

afterEach(() => ICAL.TimezoneService.reset());

const pad = (value: number) => String(value).padStart(2, '0');
const localDate = (time: ICAL.Time) => `${time.year}-${pad(time.month)}-${pad(time.day)}`;
const utcIso = (time: ICAL.Time) => time.toJSDate().toISOString();

/** Occurrence start times of a series up to and including `lastDate` (local dates). */
function expand(event: ICAL.Event, lastDate: string): ICAL.Time[] {
  const starts: ICAL.Time[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next && localDate(next) <= lastDate; next = iterator.next()) starts.push(next);
  return starts;
}

function eventByUid(events: ICAL.Event[], ritual: Ritual): ICAL.Event {
  const event = events.find((candidate) => candidate.uid === `${ritual.id}@governance-cockpit`);
  expect(event, `event for ${ritual.name}`).toBeDefined();
  return event!;
}

describe('ritualsToICalendar: the default rituals in New York', () => {
  const defaults = defaultRitualTemplates.map((entry) => ritualFrom(entry));
  const text = exportFor(defaults);

  it('writes a publishable VCALENDAR with CRLF line endings and a dated stamp', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nPRODID:-//Governance Cockpit//Rituals//EN\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { calendar, events } = parseCalendar(text);
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Atlas rituals');
    expect(events).toHaveLength(7);
    for (const event of events) expect(event.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-01-12T09:00:00Z');
  });

  it('is deterministic', () => {
    expect(exportFor(defaults)).toBe(text);
  });

  it('expands every default cadence to exactly the dates scheduledDates gives, through 2026', () => {
    const { events } = parseCalendar(text);
    for (const ritual of defaults) {
      const expanded = expand(eventByUid(events, ritual), '2026-12-31').map(localDate);
      expect(expanded, ritual.name).toEqual(scheduledDates(ritual, ritual.firstDate, '2026-12-31'));
    }
  });

  it('starts each series on its first scheduled date', () => {
    const { events } = parseCalendar(text);
    const firstDates = Object.fromEntries(defaults.map((ritual) => [ritual.kind, localDate(eventByUid(events, ritual).startDate)]));
    expect(firstDates).toEqual({
      'sprint-planning': '2026-01-19', // first Monday after Thursday 15 January
      'backlog-refinement': '2026-01-21',
      'daily-sync': '2026-01-15',
      'sprint-review': '2026-01-16',
      retrospective: '2026-01-16',
      'architecture-review': '2026-02-12', // 8 January, the second Thursday, is before the first date
      'governance-checkpoint': '2026-01-27',
    });
  });

  it('keeps the local start time in New York through DST: 10:00 is 15:00Z in January, 14:00Z in July', () => {
    const { events } = parseCalendar(text);
    const sprintPlanning = eventByUid(
      events,
      defaults.find((ritual) => ritual.kind === 'sprint-planning')!,
    );
    expect(sprintPlanning.startDate.zone.tzid).toBe('America/New_York');
    expect(sprintPlanning.duration.toSeconds()).toBe(120 * 60);
    const starts = expand(sprintPlanning, '2026-07-06');
    expect(utcIso(starts[0]!)).toBe('2026-01-19T15:00:00.000Z');
    // 19 January + 12 fortnights.
    expect(localDate(starts.at(-1)!)).toBe('2026-07-06');
    expect(utcIso(starts.at(-1)!)).toBe('2026-07-06T14:00:00.000Z');

    // Clocks go forward on Sunday 8 March 2026: the daily sync stays at 09:30 local.
    const dailySync = eventByUid(
      events,
      defaults.find((ritual) => ritual.kind === 'daily-sync')!,
    );
    const aroundTheChange = expand(dailySync, '2026-03-09').slice(-2);
    expect(aroundTheChange.map(utcIso)).toEqual(['2026-03-06T14:30:00.000Z', '2026-03-09T13:30:00.000Z']);
  });

  it('stays right after the years the VTIMEZONE lists, through its yearly rules', () => {
    const { events } = parseCalendar(text);
    const checkpoint = eventByUid(
      events,
      defaults.find((ritual) => ritual.kind === 'governance-checkpoint')!,
    );
    const starts = expand(checkpoint, '2031-07-31');
    // Last Tuesdays: 28 January 2031 (EST) and 29 July 2031 (EDT), at 14:00 local.
    expect(starts.filter((start) => start.year === 2031 && [1, 7].includes(start.month)).map(utcIso)).toEqual([
      '2031-01-28T19:00:00.000Z',
      '2031-07-29T18:00:00.000Z',
    ]);
  });

  it('labels each event with the ritual, its purpose, expected output and governance level', () => {
    const { events } = parseCalendar(text);
    const checkpoint = defaults.find((ritual) => ritual.kind === 'governance-checkpoint')!;
    const event = eventByUid(events, checkpoint);
    expect(event.summary).toBe('Governance checkpoint');
    expect(event.description).toBe(`${checkpoint.purpose}\n\nExpected output: Updated risk register`);
    expect(event.component.getFirstPropertyValue('categories')).toBe('Strategic');
    expect(text).toContain(`UID:${checkpoint.id}@governance-cockpit\r\n`);
    expect(text).toContain('RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=-1TU\r\n');
  });
});

describe('ritualsToICalendar: which rituals are published', () => {
  it('ends a ritual that retires later with a UTC UNTIL the day before, and stops before retiredOn', () => {
    // Wednesdays from 21 January; retired on Wednesday 4 March, so the last meeting is 25 February.
    const retiring = ritualFrom(template('backlog-refinement'), { retiredOn: '2026-03-04' });
    const text = exportFor([retiring]);
    // 3 March 2026 at 11:00 in New York, still EST (UTC-5).
    expect(text).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=WE;UNTIL=20260303T160000Z\r\n');
    const { events } = parseCalendar(text);
    const iterator = events[0]!.iterator();
    const all: string[] = [];
    for (let next = iterator.next(); next && all.length < 100; next = iterator.next()) all.push(localDate(next));
    expect(all).toEqual(['2026-01-21', '2026-01-28', '2026-02-04', '2026-02-11', '2026-02-18', '2026-02-25']);
    expect(all).toEqual(scheduledDates(retiring, retiring.firstDate, '2026-12-31'));
  });

  it('leaves out on-demand rituals and rituals already retired when the file is made', () => {
    const onDemand = ritualFrom(template('architecture-review'), { cadence: { frequency: 'on-demand', description: 'per decision' } });
    const retired = ritualFrom(template('sprint-review'), { firstDate: '2025-06-02', retiredOn: '2026-01-12' });
    const active = ritualFrom(template('sprint-planning'));
    const { events } = parseCalendar(exportFor([onDemand, retired, active]));
    expect(events.map((event) => event.uid)).toEqual([`${active.id}@governance-cockpit`]);
  });

  it('still writes a valid calendar, with its time zone, when nothing is published', () => {
    const { calendar, events } = parseCalendar(exportFor([]));
    expect(events).toEqual([]);
    expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('America/New_York');
  });

  it('rejects an unknown time zone', () => {
    expect(() => exportFor([], 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('ritualsToICalendar: text', () => {
  const name = 'Revisión semanal, Bogotá; "QA" \\ lead';
  const purpose = 'Línea uno, con coma; y punto y coma\nLínea dos: Bogotá — revisión 🚀 '.repeat(3).trim();
  const expectedOutput = 'Acta firmada, con acuerdos; próximos pasos';
  const ritual = ritualFrom(template('retrospective'), { name, purpose, expectedOutput });
  const text = exportFor([ritual], 'America/Bogota', 'Atlas, Bogotá — revisión');

  it('round-trips commas, semicolons, backslashes, newlines and non-ASCII text', () => {
    const { calendar, events } = parseCalendar(text);
    // ical.js does not know X-WR-CALNAME is TEXT and hands it over still escaped.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Atlas\\, Bogotá — revisión rituals');
    expect(events[0]!.summary).toBe(name);
    expect(events[0]!.description).toBe(`${purpose}\n\nExpected output: ${expectedOutput}`);
  });

  it('folds lines at 75 UTF-8 octets without splitting a character', () => {
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    const encoder = new TextEncoder();
    for (const line of lines) {
      expect(encoder.encode(line).length, line).toBeLessThanOrEqual(75);
      expect(line, 'no lone surrogate').not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it('escapes TEXT values per RFC 5545', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('moves a multi-byte character whole to the next line when it would cross octet 75', () => {
    const line = `${'x'.repeat(74)}é${'y'.repeat(10)}`;
    expect(foldLine(line)).toBe(`${'x'.repeat(74)}\r\n é${'y'.repeat(10)}`);
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    // Continuation lines hold 74 octets after their leading space.
    expect(foldLine('x'.repeat(75 + 74 + 1))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`);
  });
});

describe('ritualsToICalendar: VTIMEZONE', () => {
  const planning = () => ritualFrom(template('sprint-planning'), { startTime: '10:00' });

  function startsInUtc(zone: string): { vtimezone: ICAL.Component; january: string; july: string } {
    const ritual = planning();
    const { calendar, events } = parseCalendar(exportFor([ritual], zone));
    const starts = expand(events[0]!, '2026-07-06');
    return {
      vtimezone: calendar.getFirstSubcomponent('vtimezone')!,
      january: utcIso(starts[0]!), // Monday 19 January
      july: utcIso(starts.at(-1)!), // Monday 6 July
    };
  }

  it('gives a zone without DST a single STANDARD observance (Asia/Kolkata, +05:30)', () => {
    const { vtimezone, january, july } = startsInUtc('Asia/Kolkata');
    expect(vtimezone.getAllSubcomponents('daylight')).toHaveLength(0);
    const standard = vtimezone.getAllSubcomponents('standard');
    expect(standard).toHaveLength(1);
    expect(standard[0]!.getFirstPropertyValue('tzoffsetto')!.toString()).toBe('+05:30');
    expect(january).toBe('2026-01-19T04:30:00.000Z');
    expect(july).toBe('2026-07-06T04:30:00.000Z');
  });

  it('gives a DST zone its real transitions (Europe/London: last Sundays of March and October at 01:00 UTC)', () => {
    const { vtimezone, january, july } = startsInUtc('Europe/London');
    const daylight = vtimezone.getAllSubcomponents('daylight');
    expect(daylight.map((component) => component.getFirstPropertyValue('dtstart')!.toString())).toEqual([
      '2026-03-29T01:00:00',
      '2027-03-28T01:00:00',
      '2028-03-26T01:00:00',
    ]);
    expect(daylight.every((component) => component.getFirstPropertyValue('tzoffsetto')!.toString() === '+01:00')).toBe(true);
    const standardStarts = vtimezone
      .getAllSubcomponents('standard')
      .map((component) => component.getFirstPropertyValue('dtstart')!.toString());
    // Clocks go back at 02:00 BST (01:00 UTC).
    expect(standardStarts).toEqual(['2026-01-01T00:00:00', '2026-10-25T02:00:00', '2027-10-31T02:00:00', '2028-10-29T02:00:00']);
    expect(january).toBe('2026-01-19T10:00:00.000Z');
    expect(july).toBe('2026-07-06T09:00:00.000Z');
  });

  it('keeps a rule it cannot state as nth or last weekday dated only (Israel: the Friday before the last Sunday of March)', () => {
    const { vtimezone } = startsInUtc('Asia/Jerusalem');
    const rules = (kind: string) =>
      vtimezone.getAllSubcomponents(kind).map((component) => component.getFirstPropertyValue('rrule')?.toString() ?? null);
    expect(rules('daylight')).toEqual([null, null, null]);
    expect(rules('standard')).toEqual([null, null, null, 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU']);
  });
});
