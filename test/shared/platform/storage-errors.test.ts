import { describe, expect, it } from 'vitest';
import { DISK_FULL_MESSAGE, isQuotaExceededError, quotaExceededMessage } from '../../../shared/platform/storage-errors';

describe('isQuotaExceededError', () => {
  it.each([
    ['a DOMException from IndexedDB or the file system', new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ["Dexie's own error class", Object.assign(new Error('QuotaExceededError: full'), { name: 'QuotaExceededError' })],
    [
      'Dexie wrapping it as inner',
      Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('x', 'QuotaExceededError') }),
    ],
    ['an error caused by it', new Error('Could not save', { cause: new DOMException('x', 'QuotaExceededError') })],
    ['a Node error with ENOSPC', Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC' })],
    ['a disk quota error', Object.assign(new Error('quota'), { code: 'EDQUOT' })],
    [
      'the desktop message across IPC',
      new Error(`Error invoking remote method 'cockpit:write-backup': Error: ${DISK_FULL_MESSAGE}: the backup x was not written`),
    ],
    ['Firefox', new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED')],
  ])('recognises %s', (_name, error) => {
    expect(isQuotaExceededError(error)).toBe(true);
  });

  it.each([
    ['a validation error', new Error('risks[0].likelihood must be 1-5')],
    ['an abort without a cause', Object.assign(new Error('Transaction aborted'), { name: 'AbortError' })],
    ['a constraint error', new DOMException('Key already exists', 'ConstraintError')],
    ['a string', 'QuotaExceeded'],
    ['null', null],
  ])('does not mistake %s for a full disk', (_name, error) => {
    expect(isQuotaExceededError(error)).toBe(false);
  });

  it('stops on a cycle of causes', () => {
    const looped: { name: string; inner?: unknown } = { name: 'AbortError' };
    looped.inner = looped;
    expect(isQuotaExceededError(looped)).toBe(false);
  });
});

describe('quotaExceededMessage', () => {
  it('names what failed, says nothing was half-written, and what to do', () => {
    expect(quotaExceededMessage("Today's automatic backup")).toBe(
      "Today's automatic backup could not be saved: this computer has run out of storage space for the cockpit. Nothing was half-written; the data is as it was before. Free some disk space (or remove old exports), then try again.",
    );
  });
});
