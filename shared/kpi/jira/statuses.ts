/**
 * What each Jira status means for flow: not started, being worked on, waiting (for
 * another team, a review slot, a deployment window...), or finished. Jira's own status
 * categories have no "waiting", and workflows name statuses freely (in any language), so
 * the user decides; the guesses only start them off.
 */
import type { JiraExport } from './model';

export const statusBuckets = ['to-do', 'in-progress', 'waiting', 'done'] as const;
export type StatusBucket = (typeof statusBuckets)[number];
export type StatusMap = Record<string, StatusBucket>;

export const statusBucketLabels: Record<StatusBucket, string> = {
  'to-do': 'Not started',
  'in-progress': 'In progress',
  waiting: 'Waiting',
  done: 'Done',
};

export interface SeenStatus {
  name: string;
  /** Issues currently in this status. */
  issues: number;
  /** Jira's category for it, the one most issues carry (categories of one status can differ after a workflow change). */
  category: StatusBucket | null;
  /** True when the status appears only in the status history. */
  historyOnly: boolean;
}

/** Jira status category keys and names (API keys, the CSV's English names) -> bucket. */
export function bucketOfCategory(category: string | null): StatusBucket | null {
  if (category === null) return null;
  const text = category.trim().toLowerCase();
  if (text === 'done' || text === 'complete' || text === 'completed') return 'done';
  if (text === 'indeterminate' || text === 'in progress') return 'in-progress';
  if (text === 'new' || text === 'to do' || text === 'todo' || text === 'open') return 'to-do';
  return null;
}

/** Queues between two people or teams; "Ready for Dev" is not one (work has not started). */
const WAITING =
  /\b(wait|waiting|awaiting|blocked|on hold|pending|ready for (qa|test|testing|review|code review|deploy|deployment|release|uat|acceptance|merge|sign[- ]?off))\b|待|阻塞|挂起/i;
const DONE =
  /\b(done|closed|resolved|complete|completed|released|deployed|finished|cancel+ed|won'?t do|rejected)\b|完成|关闭|已解决|已发布/i;
const IN_PROGRESS =
  /\b(in progress|in development|in dev|developing|doing|in review|code review|review|in test|testing|qa|verifying|implementing|started)\b|进行|开发中|处理中|测试中/i;

export function guessStatusBucket(name: string, category: StatusBucket | null): StatusBucket {
  // "Waiting" is never a Jira category, so a waiting name wins over the category.
  if (WAITING.test(name) && !/待办/.test(name)) return 'waiting';
  if (category !== null) return category;
  if (DONE.test(name)) return 'done';
  if (IN_PROGRESS.test(name)) return 'in-progress';
  return 'to-do';
}

/** Every status the file shows, current ones first by how many issues sit in them, then those seen only in history. */
export function seenStatuses(data: JiraExport): SeenStatus[] {
  const current = new Map<string, { issues: number; categories: Map<StatusBucket, number> }>();
  const historyOnly = new Set<string>();
  for (const issue of data.issues) {
    let entry = current.get(issue.status);
    if (!entry) current.set(issue.status, (entry = { issues: 0, categories: new Map() }));
    entry.issues++;
    const bucket = bucketOfCategory(issue.statusCategory);
    if (bucket) entry.categories.set(bucket, (entry.categories.get(bucket) ?? 0) + 1);
    if (issue.transitions) {
      for (const transition of issue.transitions) {
        historyOnly.add(transition.to);
        if (transition.from !== null) historyOnly.add(transition.from);
      }
    }
  }
  const seen: SeenStatus[] = [...current.entries()]
    .map(([name, entry]) => {
      let category: StatusBucket | null = null;
      let most = 0;
      for (const [bucket, count] of entry.categories) {
        if (count > most) {
          category = bucket;
          most = count;
        }
      }
      return { name, issues: entry.issues, category, historyOnly: false };
    })
    .sort((a, b) => b.issues - a.issues || a.name.localeCompare(b.name));
  for (const name of [...historyOnly].sort((a, b) => a.localeCompare(b))) {
    if (!current.has(name)) seen.push({ name, issues: 0, category: null, historyOnly: true });
  }
  return seen;
}

export function guessStatusMap(statuses: readonly SeenStatus[]): StatusMap {
  const map: StatusMap = {};
  for (const status of statuses) map[status.name] = guessStatusBucket(status.name, status.category);
  return map;
}
