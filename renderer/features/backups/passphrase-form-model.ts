/** The passphrase fields of the backup settings and the encrypted export, checked before anything is encrypted. */
import { passphraseProblem } from '@shared/backup/encryption';
import type { FieldProblem } from '@shared/validation';

export interface PassphraseFields {
  passphrase: string;
  confirmation: string;
}

export const passphraseFieldLabels: Record<keyof PassphraseFields, string> = {
  passphrase: 'Passphrase',
  confirmation: 'Passphrase again',
};

export function passphraseFormProblems(fields: PassphraseFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const weak = passphraseProblem(fields.passphrase);
  if (weak) problems.push({ field: 'passphrase', path: '$.passphrase', message: weak });
  if (fields.confirmation === '')
    problems.push({ field: 'confirmation', path: '$.confirmation', message: 'Type the passphrase a second time, to be sure of it.' });
  else if (fields.confirmation !== fields.passphrase)
    problems.push({
      field: 'confirmation',
      path: '$.confirmation',
      message: 'The two passphrases differ; type the same one in both fields.',
    });
  return problems;
}
