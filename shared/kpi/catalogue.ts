/**
 * The KPI catalogue's rules that are not about judging values: how a user KPI gets its
 * key, who reviews a KPI this month, which KPIs may be removed outright, and the words
 * the catalogue uses for categories, directions and rule kinds.
 */
import { defaultKpiTemplates } from '../domain/defaults';
import type { Person, RoleAssignment } from '../domain/engagement';
import { kpiCategories, type KpiDefinition, type KpiRule } from '../domain/kpi';

export type KpiCategory = KpiDefinition['category'];
export type KpiDirection = KpiDefinition['direction'];
export type KpiRuleKind = KpiRule['kind'];

export const kpiCategoryLabels: Record<KpiCategory, string> = {
  predictability: 'Predictability',
  quality: 'Quality',
  flow: 'Flow',
  coordination: 'Coordination',
  delivery: 'Delivery',
  people: 'People',
};

export const kpiDirectionLabels: Record<KpiDirection, string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  stable: 'Stable is better',
};

export const kpiRuleKinds = [
  'threshold',
  'per-engineer-limit',
  'ratio',
  'trend',
  'baseline',
  'control-chart',
  'near-zero',
] as const satisfies readonly KpiRuleKind[];

export const kpiRuleKindLabels: Record<KpiRuleKind, string> = {
  threshold: 'Threshold',
  'per-engineer-limit': 'Limit per engineer',
  ratio: 'Ratio to another KPI',
  trend: 'Trend over recent sprints',
  baseline: 'Compared with a baseline',
  'control-chart': 'Control chart (XmR)',
  'near-zero': 'Near zero',
};

// ---------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------

export const KPI_KEY_MAX_LENGTH = 60;

/**
 * The key a user KPI gets from its name: lower-case words joined by hyphens, accents
 * dropped ("Défauts échappés" -> "defauts-echappes"), cut at a word boundary to fit.
 * Empty when the name holds no letter or digit.
 */
export function kpiKeyFromName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let key = '';
  for (const word of words) {
    const next = key === '' ? word : `${key}-${word}`;
    if (next.length > KPI_KEY_MAX_LENGTH) {
      // A single word longer than the limit is cut; otherwise stop before the word that does not fit.
      if (key === '') key = word.slice(0, KPI_KEY_MAX_LENGTH);
      break;
    }
    key = next;
  }
  return key;
}

/**
 * The KPI of the engagement that already uses `key`, if any; `exceptId` is the KPI being
 * edited. Retired KPIs count: their recorded values and other KPIs' ratio rules still
 * refer to them by key.
 */
export function kpiWithKey<K extends Pick<KpiDefinition, 'id' | 'key'>>(kpis: readonly K[], key: string, exceptId?: string): K | undefined {
  return kpis.find((kpi) => kpi.key === key && kpi.id !== exceptId);
}

const builtInKeys: ReadonlySet<string> = new Set(defaultKpiTemplates.map((template) => template.key));

/** A KPI the cockpit ships with (by its key), as opposed to one a user added. */
export function isBuiltInKpi(kpi: Pick<KpiDefinition, 'key'>): boolean {
  return builtInKeys.has(kpi.key);
}

// ---------------------------------------------------------------------------
// Grouping
// ---------------------------------------------------------------------------

export interface KpiCategoryGroup<K> {
  category: KpiCategory;
  label: string;
  kpis: K[];
}

/** KPIs by category, in the catalogue's category order, by name within each; empty categories left out. */
export function groupKpisByCategory<K extends Pick<KpiDefinition, 'category' | 'name'>>(kpis: readonly K[]): KpiCategoryGroup<K>[] {
  return kpiCategories
    .map((category) => ({
      category,
      label: kpiCategoryLabels[category],
      kpis: kpis.filter((kpi) => kpi.category === category).sort((a, b) => a.name.localeCompare(b.name, 'en')),
    }))
    .filter((group) => group.kpis.length > 0);
}

// ---------------------------------------------------------------------------
// Review rotation
// ---------------------------------------------------------------------------

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function monthIndexOf(date: string): number {
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (!match) throw new Error(`Not a calendar date: ${date}`);
  return Number(match[1]) * 12 + (Number(match[2]) - 1);
}

/** "June 2026" for the month with index year * 12 + (month - 1). */
function monthName(index: number): string {
  return `${monthNames[index % 12]} ${Math.floor(index / 12)}`;
}

export interface ReviewTurn {
  personId: string;
  /** The calendar month of the turn, e.g. "June 2026". */
  month: string;
}

export interface ReviewTurns {
  current: ReviewTurn;
  next: ReviewTurn;
}

/**
 * Who reviews a KPI this month and who takes over next month.
 *
 * The turn changes with the calendar month, counted from the engagement's start month,
 * rather than per sprint: KPIs are assessed at the monthly governance checkpoint, and
 * teams run sprints of different lengths and start dates, so "this sprint" would name a
 * different reviewer depending on which team one looks at. Before the engagement starts
 * the first person in the rotation holds the turn. Null when nobody is in the rotation.
 */
export function reviewTurns(rotation: readonly string[], engagementStart: string, today: string): ReviewTurns | null {
  if (rotation.length === 0) return null;
  const startMonth = monthIndexOf(engagementStart);
  const thisMonth = Math.max(monthIndexOf(today), startMonth);
  const elapsed = thisMonth - startMonth;
  return {
    current: { personId: rotation[elapsed % rotation.length]!, month: monthName(thisMonth) },
    next: { personId: rotation[(elapsed + 1) % rotation.length]!, month: monthName(thisMonth + 1) },
  };
}

/**
 * The rotation in words: "Dana reviews in June 2026; Sam is next, in July 2026. Turns
 * change each calendar month." Names come from `nameOf`; people no longer recorded are
 * called so.
 */
export function describeReviewRotation(
  rotation: readonly string[],
  engagementStart: string,
  today: string,
  nameOf: (personId: string) => string | undefined,
): string {
  const turns = reviewTurns(rotation, engagementStart, today);
  if (turns === null) return 'No review rotation set.';
  const name = (id: string) => nameOf(id) ?? 'a person no longer recorded';
  if (rotation.length === 1) return `${name(turns.current.personId)} reviews every month (nobody else is in the rotation).`;
  return `${name(turns.current.personId)} reviews in ${turns.current.month}; ${name(turns.next.personId)} is next, in ${turns.next.month}. Turns change each calendar month.`;
}

/**
 * The rotation a new KPI starts with: the people holding the tech-lead role (team leads
 * of the engagement), by name, each once however many teams they lead.
 */
export function suggestedReviewRotation(
  people: readonly Pick<Person, 'id' | 'name'>[],
  roleAssignments: readonly Pick<RoleAssignment, 'personId' | 'role'>[],
): string[] {
  const leads = new Set(roleAssignments.filter((assignment) => assignment.role === 'tech-lead').map((assignment) => assignment.personId));
  return people
    .filter((person) => leads.has(person.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
    .map((person) => person.id);
}

// ---------------------------------------------------------------------------
// Removal
// ---------------------------------------------------------------------------

export interface KpiRemovalFacts {
  kpi: Pick<KpiDefinition, 'id' | 'key' | 'name'>;
  /** Values recorded for the KPI, in any team and sprint. */
  measurementCount: number;
  /** Risks that list the KPI among their linked KPIs, as the user knows them ("R-004 Key engineer leaving"). */
  linkedRisks: readonly string[];
  /** The engagement's KPIs, to find ratio rules that compare with this one. */
  kpis: readonly Pick<KpiDefinition, 'id' | 'name' | 'rule'>[];
}

export type KpiRemovalVerdict = { removable: true } | { removable: false; reasons: string[] };

/**
 * Whether a KPI may be deleted outright. Only a user KPI that nothing depends on may go:
 * recorded values, linked risks and other KPIs' ratio rules would otherwise lose their
 * meaning. Anything else is retired instead, which keeps its history.
 */
export function kpiRemovalVerdict(facts: KpiRemovalFacts): KpiRemovalVerdict {
  const reasons: string[] = [];
  if (isBuiltInKpi(facts.kpi)) reasons.push('it is one of the default KPIs every engagement starts with');
  if (facts.measurementCount > 0) {
    reasons.push(
      facts.measurementCount === 1 ? 'it has 1 recorded value' : `it has ${facts.measurementCount.toLocaleString('en')} recorded values`,
    );
  }
  if (facts.linkedRisks.length > 0) {
    reasons.push(`${facts.linkedRisks.length === 1 ? 'a risk links to it' : 'risks link to it'}: ${facts.linkedRisks.join(', ')}`);
  }
  const comparers = facts.kpis.filter(
    (other) => other.id !== facts.kpi.id && other.rule.kind === 'ratio' && other.rule.otherKpiKey === facts.kpi.key,
  );
  if (comparers.length > 0) {
    reasons.push(`${comparers.map((other) => other.name).join(', ')} ${comparers.length === 1 ? 'is' : 'are'} judged as a ratio to it`);
  }
  return reasons.length === 0 ? { removable: true } : { removable: false, reasons };
}

/** The active KPIs whose ratio rule compares with `kpi`: retiring it leaves them without data to judge. */
export function ratioDependents<K extends Pick<KpiDefinition, 'id' | 'rule' | 'retired'>>(
  kpis: readonly K[],
  kpi: Pick<KpiDefinition, 'id' | 'key'>,
): K[] {
  return kpis.filter((other) => other.id !== kpi.id && !other.retired && other.rule.kind === 'ratio' && other.rule.otherKpiKey === kpi.key);
}
