import type { z } from 'zod';

export interface FieldProblem {
  /** Dotted field path as forms use it, e.g. `teams.1.timeZone`; empty for the whole record. */
  field: string;
  /** JSON path, e.g. `$.teams[1].timeZone`, for files. */
  path: string;
  message: string;
}

export function describeIssues(issues: ReadonlyArray<z.core.$ZodIssue>): FieldProblem[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    path: formatJsonPath(issue.path),
    message: issue.message,
  }));
}

/** Thrown when a record does not satisfy its schema; carries every problem found. */
export class RecordValidationError extends Error {
  constructor(
    readonly what: string,
    readonly problems: FieldProblem[],
  ) {
    super(`The ${what} is not valid: ${problems.map((problem) => `${problem.field || 'record'} ${problem.message}`).join('; ')}`);
    this.name = 'RecordValidationError';
  }
}

/** Thrown when a save is based on an older revision than the one stored. */
export class RecordConflictError extends Error {
  constructor(
    readonly what: string,
    readonly id: string,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(`The ${what} was changed elsewhere (revision ${actualRevision}, you edited revision ${expectedRevision}).`);
    this.name = 'RecordConflictError';
  }
}

export class RecordNotFoundError extends Error {
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`The ${what} ${id} no longer exists.`);
    this.name = 'RecordNotFoundError';
  }
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new RecordValidationError(what, describeIssues(result.error.issues));
  return result.data;
}

/** `$.tables.risks[12].likelihood`: the form of path a user can find in a JSON file. */
export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '$';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

/**
 * A form's own problems (a time that does not parse, a date the cadence does not
 * schedule) first, then the schema's, except for fields already reported: the form's
 * message is the more precise one.
 */
export function mergeFormProblems(own: FieldProblem[], fromSchema: FieldProblem[]): FieldProblem[] {
  const reported = new Set(own.map((problem) => problem.field));
  return [...own, ...fromSchema.filter((problem) => !reported.has(problem.field))];
}
