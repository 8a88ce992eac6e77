/** Exports the register (the filtered view or all of it) through the platform's save dialog. */
import type { SaveFileResult } from '@shared/platform/api';
import { localCalendarDate, systemClock } from '../../../data/clock';
import { platform } from '../../../platform';
import { buildRegisterFile, type RegisterExportInput } from './register-file';

export async function exportRiskRegister(input: RegisterExportInput): Promise<SaveFileResult> {
  const file = await buildRegisterFile(input, localCalendarDate(systemClock.now()));
  return platform.saveFile({ suggestedName: file.fileName, filters: [file.filter], content: file.content });
}
