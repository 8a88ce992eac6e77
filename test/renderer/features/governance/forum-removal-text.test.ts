import { describe, expect, it } from 'vitest';
import type { WorkspaceTableName } from '@shared/domain/workspace';
import { unlinkedRecordsNote } from '../../../../renderer/features/governance/forum-removal-text';

const updates = (...tables: WorkspaceTableName[]) => ({
  updates: tables.map((table, index) => ({ table, record: { id: `record-${index}` } })),
});

describe('what the forum removal confirmation says about records naming the forum', () => {
  it('counts them by kind and says they are kept with only the link cleared', () => {
    expect(unlinkedRecordsNote(updates('decisions', 'decisions', 'checkpoints'))).toBe(
      '2 decisions and 1 checkpoint name this forum. Each is kept; only its link to this forum is cleared.',
    );
    expect(unlinkedRecordsNote(updates('checkpoints', 'checkpoints'))).toBe(
      '2 checkpoints name this forum. Each is kept; only its link to this forum is cleared.',
    );
  });

  it('speaks of one record in the singular', () => {
    expect(unlinkedRecordsNote(updates('decisions'))).toBe(
      '1 decision names this forum. It is kept; only its link to this forum is cleared.',
    );
  });

  it('says nothing when no record names the forum', () => {
    expect(unlinkedRecordsNote(updates())).toBeNull();
  });
});
