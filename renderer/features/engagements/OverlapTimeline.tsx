import type { Team } from '@shared/domain/engagement';
import { utcOffsetMinutes, zonedDateTimeToUtc, type OverlapResult } from '@shared/time/overlap';
import { minutesToWallTime } from '../../app/format';

const DAY = 24 * 60;

/**
 * One 24-hour strip in client time: the client's working hours, the team's working
 * hours shifted into client time, and the overlap between them.
 */
export function OverlapTimeline(props: {
  date: string;
  clientZone: string;
  clientHours: { start: number; end: number };
  team: Pick<Team, 'name' | 'timeZone' | 'workingHours'>;
  overlap: OverlapResult;
}) {
  const { date, clientZone, clientHours, team, overlap } = props;
  const dayStart = zonedDateTimeToUtc(date, 0, clientZone).getTime();
  const toClientMinutes = (iso: string | number) => (new Date(iso).getTime() - dayStart) / 60_000;

  // The team's working day that falls most inside the client's calendar day.
  const teamStartUtc = zonedDateTimeToUtc(date, team.workingHours.start, team.timeZone).getTime();
  const shift = utcOffsetMinutes(new Date(teamStartUtc), clientZone) - utcOffsetMinutes(new Date(teamStartUtc), team.timeZone);
  let teamStart = team.workingHours.start + shift;
  while (teamStart < 0) teamStart += DAY;
  while (teamStart >= DAY) teamStart -= DAY;
  const teamLength = team.workingHours.end - team.workingHours.start;
  const teamSegments =
    teamStart + teamLength > DAY
      ? [
          [teamStart, DAY],
          [0, teamStart + teamLength - DAY],
        ]
      : [[teamStart, teamStart + teamLength]];

  const percent = (minutes: number) => `${Math.max(0, Math.min(100, (minutes / DAY) * 100))}%`;
  const span = (from: number, to: number) => ({ left: percent(from), width: percent(to - from) });

  return (
    <div>
      <div className="timeline" role="img" aria-label={`${team.name}: working hours in client time, with the overlap highlighted`}>
        <span className="client" style={span(clientHours.start, clientHours.end)} />
        {teamSegments.map(([from, to]) => (
          <span key={from} className="team" style={span(from!, to!)} />
        ))}
        {overlap.windows.map((window) => (
          <span key={window.startUtc} className="overlap" style={span(toClientMinutes(window.startUtc), toClientMinutes(window.endUtc))} />
        ))}
      </div>
      <div className="timeline-scale" aria-hidden="true">
        {[0, 360, 720, 1080, 1440].map((minutes) => (
          <span key={minutes}>{minutesToWallTime(minutes)}</span>
        ))}
      </div>
    </div>
  );
}
