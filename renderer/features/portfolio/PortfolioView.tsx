import { useLayoutEffect } from 'react';
import { Link } from 'wouter';
import { sourcingModelLabels } from '@shared/domain/engagement';
import { usePortfolio, usePortfolioCounts } from './use-portfolio';
import { OverlapBadge } from '../engagements/OverlapBadge';
import { EmptyWorkspace } from './EmptyWorkspace';
import { useToday } from '../../app/use-today';
import { plural } from '../../app/format';

export function PortfolioView() {
  const today = useToday();
  const rows = usePortfolio(today);
  const counts = usePortfolioCounts(
    rows?.map((row) => row.engagement.id),
    today,
  );
  const rowCount = rows?.length ?? 0;
  useLayoutEffect(() => {
    // After React has put the rows in the document: `npm run bench` reads this mark.
    if (rowCount > 0) performance.mark('cockpit:portfolio-rendered');
  }, [rowCount]);

  if (rows === undefined)
    return (
      <p className="muted" aria-busy="true">
        Loading the portfolio…
      </p>
    );
  if (rows.length === 0) return <EmptyWorkspace />;

  // Ready once every row has its figures: right after an import the previous counts can
  // still be on screen while the new ones are read.
  const countsReady = counts !== undefined && rows.every((row) => counts.has(row.engagement.id));
  const teamCount = rows.reduce((sum, row) => sum + row.teams.length, 0);
  const engineers = rows.reduce((sum, row) => sum + row.teams.reduce((teamSum, team) => teamSum + team.size, 0), 0);

  return (
    <section aria-labelledby="portfolio-title" data-testid="portfolio" data-counts={countsReady ? 'ready' : 'loading'}>
      <div className="page-title">
        <div>
          <h1 id="portfolio-title">Portfolio</h1>
          <p className="muted" style={{ margin: 0 }}>
            {plural(rows.length, 'engagement')}, {plural(teamCount, 'team')}, {plural(engineers, 'engineer')}. Overlap is for today, {today}
            , in each client's working hours.
          </p>
        </div>
      </div>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Engagement</th>
              <th scope="col">Sourcing model</th>
              <th scope="col">Partner</th>
              <th scope="col">Teams and working-hours overlap</th>
              <th scope="col" className="number">
                Open risks
              </th>
              <th scope="col" className="number">
                Open escalations
              </th>
              <th scope="col" className="number">
                Overdue actions
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ engagement, teams, overlaps }) => {
              const work = counts?.get(engagement.id);
              return (
                <tr key={engagement.id} data-testid="portfolio-row">
                  <td>
                    <Link href={`/engagements/${engagement.id}`}>
                      <strong>{engagement.name}</strong>
                    </Link>
                    <div className="muted">
                      {engagement.client} · {engagement.clientTimeZone} · lead {engagement.engagementLead}
                    </div>
                    {engagement.status !== 'active' && <span className="pill">{engagement.status}</span>}
                  </td>
                  <td>{sourcingModelLabels[engagement.sourcingModel]}</td>
                  <td>{engagement.partner}</td>
                  <td>
                    {teams.length === 0 ? (
                      <span className="muted">No teams yet</span>
                    ) : (
                      <ul className="team-list">
                        {teams.map((team) => (
                          <li key={team.id}>
                            <span>
                              {team.name}{' '}
                              <span className="muted">
                                ({team.location || team.timeZone}, {team.size})
                              </span>
                            </span>
                            <OverlapBadge overlap={overlaps.get(team.id)!} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <CountCell value={work?.openRisks} />
                  <CountCell value={work?.openEscalations} />
                  <CountCell value={work?.overdueActions} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CountCell({ value }: { value: number | undefined }) {
  return (
    <td className="number" aria-busy={value === undefined}>
      {value === undefined ? <span className="muted">…</span> : value.toLocaleString()}
    </td>
  );
}
