import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { generateStressWorkspace } from '@shared/demo/generate';
import { formatKpiValue } from '@shared/kpi/format';
import { buildScorecard } from '@shared/kpi/scorecard';
import { ScorecardTable } from '../../../../../renderer/features/kpis/scorecard/ScorecardTable';
import { orderKpis } from '../../../../../renderer/features/kpis/scorecard/scorecard-view';

// One engagement at stress size: 8 teams, 13 KPIs, 104 sprints each.
const today = '2026-03-11';
const workspace = generateStressWorkspace({
  today,
  scale: { engagements: 1, teamsPerEngagement: 8, sprintsPerTeam: 104, risks: 10, actions: 10 },
});
const scorecard = buildScorecard({
  kpis: orderKpis(workspace.kpiDefinitions),
  teams: [...workspace.teams].sort((a, b) => a.name.localeCompare(b.name)),
  sprints: workspace.sprints,
  measurements: workspace.kpiMeasurements,
  today,
});

const count = (html: string, text: string) => html.split(text).length - 1;

describe('ScorecardTable at stress size', () => {
  const html = renderToStaticMarkup(createElement(ScorecardTable, { scorecard, onOpen: () => undefined }));

  it('shows a group per KPI and a focusable row per KPI and team', () => {
    expect(scorecard.rows).toHaveLength(13);
    expect(count(html, 'data-testid="scorecard-group"')).toBe(13);
    expect(count(html, 'data-testid="scorecard-row"')).toBe(13 * 8);
    expect(count(html, 'tabindex="0"')).toBe(13 * 8);
    for (const row of scorecard.rows) expect(html).toContain(`Target: ${row.target}`);
  });

  it('draws each sparkline over the last 26 sprints and names the latest value', () => {
    const row = scorecard.rows[0]!;
    const cell = row.cells[0]!;
    const team = scorecard.teams[0]!;
    expect(cell.series.at(-1)!.sprintNumber).toBe(104);
    expect(html).toContain(
      `aria-label="${row.kpi.name}, ${team.name}, sprints 79\u2013104, latest ${formatKpiValue(cell.series.at(-1)!.value, row.kpi.unit)}`,
    );
  });

  it('is plain, without keyboard stops, when nothing can be opened (the printed pack)', () => {
    const printed = renderToStaticMarkup(createElement(ScorecardTable, { scorecard }));
    expect(count(printed, 'data-testid="scorecard-row"')).toBe(13 * 8);
    expect(printed).not.toContain('tabindex');
  });
});
