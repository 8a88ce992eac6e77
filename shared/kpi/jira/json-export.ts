/**
 * Reading Jira's JSON issue search (`/rest/api/2/search?expand=changelog`, or the agile
 * board's issue list): an array of issues, a search response `{ issues: [...] }`, or an
 * array of such pages. The changelog gives each issue's status history, which the CSV
 * export lacks; sprints come as objects with their dates from `fields.sprint`,
 * `fields.closedSprints` or the site's sprint custom field (older servers write them as
 * `com.atlassian.greenhopper...Sprint@1[name=...,startDate=...]` strings, read too).
 *
 * Refused (nothing imported): text that is not JSON or holds no issues, an issue without
 * a key or a creation date, a date in no format Jira writes, story points that are not a
 * number, the same key twice. The reasons are those given in csv-export.ts.
 */
import { parseJiraDate, JIRA_DATE_FORMATS_TEXT, type JiraTime } from './dates';
import {
  parseStoryPoints,
  refuse,
  type JiraExport,
  type JiraIssue,
  type JiraReadResult,
  type JiraSprintInfo,
  type JiraStatusTransition,
} from './model';

/** Custom fields Jira sites commonly use for story points, most common first; the one with the most values wins. */
const STORY_POINT_FIELDS = [
  'customfield_10016',
  'customfield_10024',
  'customfield_10026',
  'customfield_10028',
  'customfield_10002',
  'customfield_10004',
  'customfield_10106',
  'storyPoints',
  'story_points',
];
const STORY_POINT_NAMES = new Set(['story points', 'story point estimate', 'story points estimate', 'story point']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The issues in any of the accepted shapes, or null when the value holds none. */
function issueList(value: Json): Json[] | null {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((page) => isObject(page) && Array.isArray(page['issues']))) {
      return value.flatMap((page) => (page as { issues: Json[] }).issues);
    }
    return value;
  }
  if (isObject(value) && Array.isArray(value['issues'])) return value['issues'];
  return null;
}

/** Human names of custom fields when the search was run with `expand=names`. */
function fieldNamesMap(value: Json): Record<string, string> {
  const names: Record<string, string> = {};
  const collect = (source: Json) => {
    if (isObject(source) && isObject(source['names'])) {
      for (const [id, name] of Object.entries(source['names'])) if (typeof name === 'string') names[id] = name;
    }
  };
  if (Array.isArray(value)) value.forEach(collect);
  else collect(value);
  return names;
}

function isSprintObject(value: Json): value is JsonObject {
  return isObject(value) && typeof value['name'] === 'string' && ('state' in value || 'startDate' in value || 'boardId' in value);
}

const GREENHOPPER_SPRINT = /^com\.atlassian\.greenhopper\.service\.sprint\.Sprint@\w+\[(.*)\]$/s;

/** `...Sprint@1a2b[id=3,rapidViewId=4,state=CLOSED,name=Sprint 7,startDate=2020-06-12T...,...]` -> the same fields as an object. */
function greenhopperSprint(text: string): JsonObject | null {
  const match = GREENHOPPER_SPRINT.exec(text.trim());
  if (!match) return null;
  const fields: JsonObject = {};
  // Values may contain commas (names); a new field starts only at ",word=".
  for (const part of match[1]!.split(/,(?=\w+=)/)) {
    const equals = part.indexOf('=');
    if (equals > 0) fields[part.slice(0, equals)] = part.slice(equals + 1) === '<null>' ? null : part.slice(equals + 1);
  }
  return typeof fields['name'] === 'string' ? fields : null;
}

/** Text of a plain string or of an Atlassian Document Format value (API v3 rich text). */
function plainText(value: Json): string {
  if (typeof value === 'string') return value;
  if (isObject(value)) {
    if (typeof value['text'] === 'string') return value['text'];
    if (Array.isArray(value['content'])) return value['content'].map(plainText).join(' ');
  }
  return '';
}

/** Values a field can be matched on: strings, numbers, `{ value }`/`{ name }`/`{ key }` options and lists of them. */
function fieldValues(value: Json): string[] {
  if (value === null || typeof value === 'boolean') return [];
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap((item) => (Array.isArray(item) ? [] : fieldValues(item)));
  for (const key of ['value', 'name', 'displayName', 'key']) {
    const inner = value[key];
    if (typeof inner === 'string' && inner.trim() !== '') return [inner.trim()];
  }
  return [];
}

const sprintState = (value: Json): JiraSprintInfo['state'] => {
  const text = typeof value === 'string' ? value.toLowerCase() : '';
  return text === 'closed' || text === 'active' || text === 'future' ? text : null;
};

export function readJiraJson(text: string): JiraReadResult {
  if (text.trim() === '') return refuse('The file is empty.');
  let parsed: Json;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (error) {
    return refuse('The file is not valid JSON, so it cannot be read as Jira’s issue search output.', [
      error instanceof Error ? error.message : String(error),
    ]);
  }
  const list = issueList(parsed);
  if (list === null) {
    return refuse(
      'The JSON holds no list of issues. Save the response of Jira’s issue search (/rest/api/2/search?jql=…&expand=changelog): an object with “issues”, or an array of issues.',
    );
  }
  if (list.length === 0) return refuse('The JSON list of issues is empty.');
  const names = fieldNamesMap(parsed);

  const problems: string[] = [];
  const where = (index: number, key: string | null, field: string) =>
    `Issue ${key ?? `number ${index + 1}`} (item ${index + 1}), field “${field}”`;
  let latest: JiraTime | null = null;
  const readDate = (value: Json, index: number, key: string, field: string, required: boolean): JiraTime | null | undefined => {
    if (value === null || value === undefined || value === '') {
      if (required) problems.push(`${where(index, key, field)}: is empty; every Jira issue has a creation date.`);
      return required ? undefined : null;
    }
    const time = typeof value === 'string' ? parseJiraDate(value) : null;
    if (!time) {
      problems.push(
        `${where(index, key, field)}: ${JSON.stringify(value)} is not a date the importer can read; expected ${JIRA_DATE_FORMATS_TEXT}.`,
      );
      return undefined;
    }
    if (latest === null || time.ms > latest.ms) latest = time;
    return time;
  };
  const optionalDate = (value: Json | undefined): JiraTime | null => (typeof value === 'string' ? parseJiraDate(value) : null);
  // Every issue of a sprint repeats its dates: read each text once.
  const sprintDates = new Map<string, JiraTime | null>();
  const sprintDate = (value: Json | undefined): JiraTime | null => {
    if (typeof value !== 'string') return null;
    let time = sprintDates.get(value);
    if (time === undefined) sprintDates.set(value, (time = parseJiraDate(value)));
    return time;
  };

  // One story point field for the whole file: the usual field that holds the most values.
  const storyPointField = chooseStoryPointField(list, names);
  const sprints = new Map<string, JiraSprintInfo>();
  const sprintFieldIds = new Set<string>(['sprint', 'closedSprints']);
  const otherFieldNames: string[] = [];
  const issues: JiraIssue[] = [];
  const seenKeys = new Map<string, number>();

  list.forEach((item, index) => {
    if (!isObject(item) || !isObject(item['fields'])) {
      problems.push(`Item ${index + 1}: is not a Jira issue (it has no “fields”).`);
      return;
    }
    const fields = item['fields'];
    const key = typeof item['key'] === 'string' ? item['key'].trim() : '';
    if (key === '') {
      problems.push(`Item ${index + 1}: has no issue key.`);
      return;
    }
    const firstIndex = seenKeys.get(key);
    if (firstIndex !== undefined) {
      problems.push(`Issue ${key} (item ${index + 1}): already appears as item ${firstIndex}; the file holds the same issue twice.`);
      return;
    }
    seenKeys.set(key, index + 1);
    const created = readDate(fields['created'] ?? null, index, key, 'created', true);
    const resolved = readDate(fields['resolutiondate'] ?? null, index, key, 'resolutiondate', false);

    let storyPoints: number | null = null;
    if (storyPointField) {
      const raw = fields[storyPointField] ?? null;
      const points = typeof raw === 'string' || typeof raw === 'number' || raw === null ? parseStoryPoints(raw) : { ok: false as const };
      if (!points.ok) problems.push(`${where(index, key, storyPointField)}: ${JSON.stringify(raw)} is not a number of story points.`);
      else storyPoints = points.value;
    }

    // Sprints: every sprint-shaped value, merged by name, in the order listed.
    const sprintNames: string[] = [];
    const addSprint = (sprint: JsonObject) => {
      const name = String(sprint['name']).trim();
      if (name === '') return;
      if (!sprintNames.includes(name)) sprintNames.push(name);
      const known = sprints.get(name);
      const info: JiraSprintInfo = {
        name,
        start: sprintDate(sprint['startDate']) ?? known?.start ?? null,
        end: sprintDate(sprint['endDate']) ?? known?.end ?? null,
        complete: sprintDate(sprint['completeDate']) ?? known?.complete ?? null,
        state: sprintState(sprint['state'] ?? null) ?? known?.state ?? null,
      };
      sprints.set(name, info);
    };
    for (const [fieldId, value] of Object.entries(fields)) {
      if (fieldId === 'sprint' && isSprintObject(value)) addSprint(value);
      else if (Array.isArray(value) && value.length > 0) {
        const asSprints = value.map((entry) =>
          typeof entry === 'string' ? greenhopperSprint(entry) : isSprintObject(entry) ? entry : null,
        );
        if (asSprints.every((entry) => entry !== null)) {
          sprintFieldIds.add(fieldId);
          // Listed oldest first as Jira keeps them; sorted by start below when dates exist.
          asSprints.forEach((entry) => addSprint(entry!));
        }
      }
    }
    const orderedSprints = sprintNames
      .map((name, order) => ({ name, order, start: sprints.get(name)?.start?.ms ?? null }))
      .sort((a, b) => (a.start !== null && b.start !== null && a.start !== b.start ? a.start - b.start : a.order - b.order))
      .map((entry) => entry.name);

    const labels = Array.isArray(fields['labels']) ? fields['labels'].filter((label): label is string => typeof label === 'string') : [];
    const environment = plainText(fields['environment'] ?? null).trim();
    const other: Record<string, string[]> = {};
    const put = (name: string, values: string[]) => {
      if (values.length === 0) return;
      other[name] = values;
      if (!otherFieldNames.includes(name)) otherFieldNames.push(name);
    };
    put('Labels', labels);
    put('Environment', environment === '' ? [] : [environment]);
    const project = fields['project'];
    if (isObject(project)) {
      put('Project key', fieldValues(project['key'] ?? null));
      put('Project name', fieldValues(project['name'] ?? null));
    }
    put('Components', fieldValues(fields['components'] ?? null));
    put('Fix versions', fieldValues(fields['fixVersions'] ?? null));
    put('Priority', fieldValues(fields['priority'] ?? null));
    put('Assignee', fieldValues(fields['assignee'] ?? null));
    for (const [fieldId, value] of Object.entries(fields)) {
      if (!fieldId.startsWith('customfield_') || sprintFieldIds.has(fieldId) || fieldId === storyPointField) continue;
      put(names[fieldId] ?? fieldId, fieldValues(value));
    }

    const status = isObject(fields['status']) ? fields['status'] : {};
    const category = isObject(status['statusCategory']) ? status['statusCategory'] : {};
    const transitions = readTransitions(item['changelog'], (value) => {
      const time = optionalDate(value);
      if (time && (latest === null || time.ms > latest.ms)) latest = time;
      return time;
    });
    if (!created || resolved === undefined) return;
    issues.push({
      key,
      rowNumber: index + 1,
      type: fieldValues(fields['issuetype'] ?? null)[0] ?? '',
      status: typeof status['name'] === 'string' ? status['name'].trim() : '',
      statusCategory:
        typeof category['key'] === 'string' ? category['key'] : typeof category['name'] === 'string' ? category['name'] : null,
      created,
      resolved,
      storyPoints,
      sprints: orderedSprints,
      labels,
      environment,
      fields: other,
      transitions,
    });
  });

  if (problems.length > 0) {
    return refuse(
      `${problems.length === 1 ? 'One problem stops' : `${problems.length} problems stop`} the import; nothing was imported. Correct the file (or export it again from Jira) and import it once more.`,
      problems,
    );
  }
  const withHistory = issues.filter((issue) => issue.transitions !== null).length;
  const result: JiraExport = {
    format: 'json',
    description:
      withHistory === issues.length
        ? 'Jira JSON issue search, with status history'
        : withHistory === 0
          ? 'Jira JSON issue search, without status history (no changelog)'
          : `Jira JSON issue search, status history for ${withHistory} of ${issues.length} issues`,
    issues,
    sprints,
    fieldNames: otherFieldNames,
    storyPointSource: storyPointField
      ? names[storyPointField]
        ? `${names[storyPointField]} (${storyPointField})`
        : storyPointField
      : null,
    latest,
  };
  return { ok: true, export: result };
}

function chooseStoryPointField(list: Json[], names: Record<string, string>): string | null {
  const named = Object.entries(names).find(([, name]) => STORY_POINT_NAMES.has(name.trim().toLowerCase()));
  if (named) return named[0];
  let best: string | null = null;
  let bestCount = 0;
  for (const field of STORY_POINT_FIELDS) {
    let count = 0;
    for (const item of list) {
      const value = isObject(item) && isObject(item['fields']) ? item['fields'][field] : undefined;
      if (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')) count++;
    }
    if (count > bestCount) {
      best = field;
      bestCount = count;
    }
  }
  return best;
}

/** Status changes oldest first (Jira lists histories newest first in some APIs, oldest first in others). */
function readTransitions(
  changelog: Json | undefined,
  readTime: (value: Json | undefined) => JiraTime | null,
): JiraStatusTransition[] | null {
  if (!isObject(changelog) || !Array.isArray(changelog['histories'])) return null;
  const found: Array<JiraStatusTransition & { order: number }> = [];
  changelog['histories'].forEach((history, historyIndex) => {
    if (!isObject(history) || !Array.isArray(history['items'])) return;
    const at = readTime(history['created']);
    if (!at) return;
    for (const item of history['items']) {
      if (!isObject(item)) continue;
      const field = typeof item['fieldId'] === 'string' ? item['fieldId'] : item['field'];
      if (typeof field !== 'string' || field.toLowerCase() !== 'status' || typeof item['toString'] !== 'string') continue;
      found.push({
        at,
        from: typeof item['fromString'] === 'string' ? item['fromString'] : null,
        to: item['toString'],
        // Same-millisecond changes keep the file's own order, whichever direction it runs.
        order: historyIndex,
      });
    }
  });
  const newestFirst = found.length > 1 && found[0]!.at.ms > found[found.length - 1]!.at.ms;
  found.sort((a, b) => a.at.ms - b.at.ms || (newestFirst ? b.order - a.order : a.order - b.order));
  return found.map(({ at, from, to }) => ({ at, from, to }));
}
