/** The issue dialog's fields as typed, and the checked input they become on submit. */
import type { FieldProblem } from '@shared/validation';
import type { DraftResult } from '../../app/form-parts';
import type { IssuePackInput } from '../../data/pack-repository';

export interface IssueFields {
  issuedBy: string;
  note: string;
}

export const ISSUED_BY_MAX = 200;
export const ISSUE_NOTE_MAX = 1000;

export const issueFieldLabels: Record<keyof IssueFields, string> = { issuedBy: 'Issued by', note: 'Note' };

export function toIssueInput(fields: IssueFields): DraftResult<IssuePackInput> {
  const issuedBy = fields.issuedBy.trim();
  const note = fields.note.trim();
  const problems: FieldProblem[] = [];
  if (issuedBy === '')
    problems.push({ field: 'issuedBy', path: '$.issuedBy', message: 'Say who issues the pack: it is printed on every page.' });
  else if (issuedBy.length > ISSUED_BY_MAX)
    problems.push({
      field: 'issuedBy',
      path: '$.issuedBy',
      message: `Keep the name to ${ISSUED_BY_MAX} characters (it has ${issuedBy.length}).`,
    });
  if (note.length > ISSUE_NOTE_MAX)
    problems.push({ field: 'note', path: '$.note', message: `Keep the note to ${ISSUE_NOTE_MAX} characters (it has ${note.length}).` });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, draft: { issuedBy, note } };
}
