import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCockpitDatabase, type CockpitDatabase } from '../../../renderer/data/db';
import { countEngagementWork, countPortfolioWork } from '../../../renderer/data/engagement-counts';
import { generateDemoWorkspace } from '@shared/demo/generate';
import { createRepositories } from '../../../renderer/data';

let db: CockpitDatabase;
let counter = 0;
const today = '2026-11-21';
const demo = generateDemoWorkspace({ today });

beforeEach(async () => {
  db = openCockpitDatabase(`cockpit-counts-${++counter}`);
  await createRepositories(db).workspace.replace(demo);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('engagement counts from indexes', () => {
  it('match counting the records by hand, for every demo engagement', async () => {
    for (const engagement of demo.engagements) {
      const actions = demo.actionItems.filter(
        (action) => action.engagementId === engagement.id && (action.status === 'open' || action.status === 'in-progress'),
      );
      expect(await countEngagementWork(db, engagement.id, today)).toEqual({
        openRisks: demo.risks.filter((risk) => risk.engagementId === engagement.id && risk.status !== 'closed').length,
        openEscalations: demo.escalations.filter((escalation) => escalation.engagementId === engagement.id && escalation.status === 'open')
          .length,
        openActions: actions.length,
        overdueActions: actions.filter((action) => action.dueOn !== null && action.dueOn < today).length,
      });
    }
  });

  it('are the same whether read per engagement or for the whole portfolio at once', async () => {
    const portfolio = await countPortfolioWork(
      db,
      demo.engagements.map((engagement) => engagement.id),
      today,
    );
    for (const engagement of demo.engagements) {
      expect(portfolio.get(engagement.id)).toEqual(await countEngagementWork(db, engagement.id, today));
    }
  });

  it('never counts an action without a due date, or due today, as overdue', async () => {
    const engagement = demo.engagements[0]!;
    const before = await countEngagementWork(db, engagement.id, today);
    const template = demo.actionItems.find((action) => action.engagementId === engagement.id)!;
    await db.actionItems.bulkAdd([
      { ...template, id: '00000000-0000-4000-8000-00000000a001', reference: 'A-901', status: 'open', dueOn: null },
      { ...template, id: '00000000-0000-4000-8000-00000000a002', reference: 'A-902', status: 'open', dueOn: today },
      { ...template, id: '00000000-0000-4000-8000-00000000a003', reference: 'A-903', status: 'in-progress', dueOn: '2026-11-20' },
    ]);
    const after = await countEngagementWork(db, engagement.id, today);
    expect(after.openActions).toBe(before.openActions + 3);
    expect(after.overdueActions).toBe(before.overdueActions + 1);
    expect((await countPortfolioWork(db, [engagement.id], today)).get(engagement.id)).toEqual(after);
  });
});
