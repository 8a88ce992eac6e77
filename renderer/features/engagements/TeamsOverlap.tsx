import type { Engagement, Team } from '@shared/domain/engagement';
import { computeTeamOverlaps } from '@shared/portfolio/team-overlap';
import { describeOverlap } from '@shared/time/overlap';
import { formatCalendarDate, minutesToWallTime } from '../../app/format';
import { OverlapBadge } from './OverlapBadge';
import { OverlapTimeline } from './OverlapTimeline';

/** Each team's working hours against the client's, today, with the hours they share. */
export function TeamsOverlap({ engagement, teams, today }: { engagement: Engagement; teams: Team[]; today: string }) {
  const overlaps = new Map(computeTeamOverlaps(engagement, teams, today).map((entry) => [entry.teamId, entry.overlap]));
  return (
    <section className="card" aria-labelledby="teams-title">
      <h2 id="teams-title">Teams and working-hours overlap</h2>
      <p className="muted">
        Today ({formatCalendarDate(today)}), in the client's time ({engagement.clientTimeZone}). Upper bar: client hours; lower bar: team
        hours; framed: shared hours. Daylight-saving changes on either side move these figures.
      </p>
      {teams.length === 0 ? (
        <p>No teams yet. Add them with “Edit engagement”.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Engineers</th>
              <th scope="col">Time zone</th>
              <th scope="col">Overlap</th>
              <th scope="col" style={{ width: '38%' }}>
                Day in client time
              </th>
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => {
              const overlap = overlaps.get(team.id)!;
              return (
                <tr key={team.id} data-testid="team-row">
                  <td>
                    <strong>{team.name}</strong>
                    <div className="muted">{team.scope}</div>
                  </td>
                  <td>
                    {team.size} <span className="muted">({team.provider})</span>
                  </td>
                  <td>
                    {team.location && <div>{team.location}</div>}
                    <div className="muted">
                      {team.timeZone}, {minutesToWallTime(team.workingHours.start)}–{minutesToWallTime(team.workingHours.end)}
                    </div>
                  </td>
                  <td>
                    <OverlapBadge overlap={overlap} />
                    <div className="muted">{describeOverlap(overlap)}</div>
                  </td>
                  <td>
                    <OverlapTimeline
                      date={today}
                      clientZone={engagement.clientTimeZone}
                      clientHours={engagement.clientWorkingHours}
                      team={team}
                      overlap={overlap}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
