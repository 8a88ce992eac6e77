import { useId, useMemo, useState, type CSSProperties } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement } from '@shared/domain/engagement';
import { WORKSPACE_SETTINGS_ID, ratingBandLabels, type RatingBand } from '@shared/domain/settings';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import { movementSince, type Movement, type RiskMove, type RiskPosition } from '@shared/risk/movement';
import { db } from '../../../data';
import { useToday } from '../../../app/use-today';
import { formatCalendarDate, plural } from '../../../app/format';
import { useRiskViewStore } from '../risk-view-store';
import {
  CELL_UNITS,
  aggregateMoves,
  arrowGeometry,
  cellDescription,
  countCurrentRisks,
  defaultSinceDate,
  heatMapRows,
  sameCell,
  sinceDateProblem,
  sinceInstant,
  type AggregatedMove,
  type HeatMapCell,
} from './heatmap-model';
import './risk-bands.css';
import './heatmap.css';

/**
 * Likelihood x impact grid of the engagement's current (not closed) risks on their
 * current rating. A cell click filters the register to that cell. With movement on, the
 * map shows where risks stood at a chosen date and lists what is new, worse, better and
 * closed since then.
 */
export function RiskHeatMap({ engagement }: { engagement: Engagement }) {
  const today = useToday();
  const headingId = useId();
  const [showMovement, setShowMovement] = useState(false);
  const [sinceDate, setSinceDate] = useState(() => defaultSinceDate(today));

  const matrix = useLiveQuery(async () => (await db.settings.get(WORKSPACE_SETTINGS_ID))?.riskMatrix ?? defaultRiskMatrix(5), []);
  const risks = useLiveQuery(() => db.risks.where('engagementId').equals(engagement.id).toArray(), [engagement.id]);
  // History is only read when movement is asked for: the plain map needs the risks alone.
  const events = useLiveQuery(
    async () => (showMovement ? db.riskEvents.where('engagementId').equals(engagement.id).toArray() : null),
    [engagement.id, showMovement],
  );
  const selected = useRiskViewStore((state) => state.queries[engagement.id]?.cell ?? null);

  const counted = useMemo(() => (risks && matrix ? countCurrentRisks(risks, matrix) : null), [risks, matrix]);
  const sinceProblem = sinceDateProblem(sinceDate, today);
  const worked = useMemo((): { movement: Movement | null; problem: string | null } => {
    if (!showMovement || !risks || !events || !matrix || sinceProblem !== null) return { movement: null, problem: null };
    try {
      return { movement: movementSince({ risks, events, since: sinceInstant(sinceDate), matrix }), problem: null };
    } catch (error) {
      // A risk rated beyond the matrix has no current rating; say so rather than lose the map.
      return { movement: null, problem: error instanceof Error ? error.message : String(error) };
    }
  }, [showMovement, risks, events, matrix, sinceDate, sinceProblem]);
  const movement = worked.movement;
  const arrows = useMemo(() => (movement && matrix ? aggregateMoves(movement.moves, matrix.size) : []), [movement, matrix]);
  const rows = useMemo(
    () => (matrix && counted ? heatMapRows(matrix, counted.counts, movement?.countsThen ?? null) : null),
    [matrix, counted, movement],
  );

  if (!matrix || !counted || !rows) {
    return (
      <section className="card" aria-busy="true" aria-labelledby={headingId}>
        <h2 id={headingId}>Heat map</h2>
        <p className="muted">Loading…</p>
      </section>
    );
  }

  const selectedOnMap = selected !== null && selected.likelihood <= matrix.size && selected.impact <= matrix.size ? selected : null;
  const selectedCell = selectedOnMap ? rows.flat().find((cell) => sameCell(cell, selectedOnMap)) : undefined;
  const toggle = (cell: HeatMapCell) =>
    useRiskViewStore.getState().toggleCell(engagement.id, { likelihood: cell.likelihood, impact: cell.impact });

  return (
    <section className="card stack risk-heatmap" aria-labelledby={headingId} data-testid="risk-heatmap">
      <div className="heatmap-head">
        <div>
          <h2 id={headingId}>Heat map</h2>
          <p className="muted heatmap-summary">
            {plural(counted.total, 'current risk')} on their current rating (residual once assessed). Choose a cell to list its risks in the
            register.
          </p>
        </div>
        <div className="heatmap-controls">
          <label className="heatmap-toggle">
            <input type="checkbox" checked={showMovement} onChange={(event) => setShowMovement(event.target.checked)} />
            Show movement
          </label>
          <label className="heatmap-since" htmlFor={`${headingId}-since`}>
            Since
            <input
              id={`${headingId}-since`}
              type="date"
              value={sinceDate}
              max={today}
              onChange={(event) => setSinceDate(event.target.value)}
              aria-invalid={sinceProblem ? true : undefined}
              aria-describedby={sinceProblem ? `${headingId}-since-error` : undefined}
            />
            {sinceProblem && (
              <span className="field-error" id={`${headingId}-since-error`}>
                {sinceProblem}
              </span>
            )}
          </label>
        </div>
      </div>

      {counted.offMatrix > 0 && (
        <p className="flag" role="note">
          {plural(counted.offMatrix, 'risk')} {counted.offMatrix === 1 ? 'has' : 'have'} levels beyond the {matrix.size}x{matrix.size}{' '}
          matrix and {counted.offMatrix === 1 ? 'is' : 'are'} not in any cell.
        </p>
      )}

      <div className="heatmap-layout">
        <div className="heatmap" style={{ '--matrix-size': matrix.size } as CSSProperties}>
          <div className="heatmap-axis-title heatmap-axis-y" aria-hidden="true">
            Likelihood →
          </div>
          <div className="heatmap-y-labels" aria-hidden="true">
            {rows.map((row) => (
              <span key={row[0]!.likelihood}>
                <strong>{row[0]!.likelihood}</strong> {row[0]!.likelihoodLabel}
              </span>
            ))}
          </div>
          <div className="heatmap-cells" role="group" aria-label="Heat map cells: likelihood rises upwards, impact to the right">
            {rows.flat().map((cell) => (
              <button
                key={`${cell.likelihood}-${cell.impact}`}
                type="button"
                className="heatmap-cell risk-band"
                data-band={cell.band}
                data-empty={cell.count === 0 ? 'true' : undefined}
                aria-pressed={sameCell(cell, selectedOnMap)}
                aria-label={cellDescription(cell)}
                onClick={() => toggle(cell)}
              >
                <span className="cell-count">{cell.count.toLocaleString()}</span>
                <span className="cell-band">{ratingBandLabels[cell.band]}</span>
                {cell.countThen !== null && cell.countThen !== cell.count && (
                  <span className="cell-then">was {cell.countThen.toLocaleString()}</span>
                )}
              </button>
            ))}
            {movement && <MovementOverlay size={matrix.size} arrows={arrows} />}
          </div>
          <div className="heatmap-x-labels" aria-hidden="true">
            {rows[0]!.map((cell) => (
              <span key={cell.impact}>
                <strong>{cell.impact}</strong> {cell.impactLabel}
              </span>
            ))}
          </div>
          <div className="heatmap-axis-title heatmap-axis-x" aria-hidden="true">
            Impact →
          </div>
        </div>
        <Legend showMovement={movement !== null} />
      </div>

      <p className="heatmap-selection" role="status">
        {selectedCell ? (
          <>
            The register shows the {plural(selectedCell.count, 'risk')} rated {selectedCell.likelihoodLabel} likelihood and{' '}
            {selectedCell.impactLabel} impact.{' '}
            <button type="button" className="link" onClick={() => toggle(selectedCell)}>
              Show all cells
            </button>
          </>
        ) : (
          <span className="muted">No cell chosen: the register is not filtered by rating.</span>
        )}
      </p>

      {showMovement && sinceProblem === null && !movement && !worked.problem && (
        <p className="muted" aria-busy="true">
          Working out movement…
        </p>
      )}
      {worked.problem && <p className="field-error">Movement cannot be shown: {worked.problem}</p>}
      {movement && <MovementLists movement={movement} sinceDate={sinceDate} arrows={arrows} />}
    </section>
  );
}

function MovementOverlay({ size, arrows }: { size: number; arrows: AggregatedMove[] }) {
  const markerBase = `heatmap-arrow-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const largest = arrows.reduce((max, arrow) => Math.max(max, arrow.count), 0);
  const extent = size * CELL_UNITS;
  return (
    <svg className="heatmap-overlay" viewBox={`0 0 ${extent} ${extent}`} aria-hidden="true" data-testid="movement-overlay">
      <defs>
        {(['worse', 'better', 'sideways'] as const).map((direction) => (
          <marker
            key={direction}
            id={`${markerBase}-${direction}`}
            className="move-head"
            data-direction={direction}
            viewBox="0 0 10 10"
            refX="7"
            refY="5"
            markerWidth="4.5"
            markerHeight="4.5"
            markerUnits="strokeWidth"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" />
          </marker>
        ))}
      </defs>
      {arrows.map((arrow) => {
        const geometry = arrowGeometry(size, arrow, largest);
        const digits = String(arrow.count).length;
        return (
          <g
            key={`${arrow.from.likelihood}-${arrow.from.impact}-${arrow.to.likelihood}-${arrow.to.impact}`}
            className="move"
            data-direction={arrow.direction}
            data-testid="movement-arrow"
          >
            <circle className="move-from" cx={geometry.start.x} cy={geometry.start.y} r={8} />
            <path className="move-halo" d={geometry.path} strokeWidth={geometry.strokeWidth + 4} />
            <path
              className="move-line"
              d={geometry.path}
              strokeWidth={geometry.strokeWidth}
              markerEnd={`url(#${markerBase}-${arrow.direction})`}
            />
            <rect
              className="move-count-box"
              x={geometry.label.x - (5 + digits * 4)}
              y={geometry.label.y - 9}
              width={10 + digits * 8}
              height={18}
              rx={9}
            />
            <text className="move-count" x={geometry.label.x} y={geometry.label.y} textAnchor="middle" dominantBaseline="central">
              {arrow.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Legend({ showMovement }: { showMovement: boolean }) {
  const bands: RatingBand[] = ['critical', 'high', 'medium', 'low'];
  return (
    <div className="heatmap-legend">
      <h3 className="visually-hidden">Legend</h3>
      <ul>
        {bands.map((band) => (
          <li key={band}>
            <span className="legend-swatch risk-band" data-band={band} aria-hidden="true" /> {ratingBandLabels[band]}
          </li>
        ))}
      </ul>
      {showMovement && (
        <ul>
          <li>
            <svg className="legend-line" viewBox="0 0 28 10" aria-hidden="true">
              <circle className="move-from" cx="5" cy="5" r="4" />
            </svg>
            Where risks were at the chosen date
          </li>
          {(
            [
              ['worse', 'Moved to a worse rating'],
              ['better', 'Moved to a better rating'],
              ['sideways', 'Moved within the same rating'],
            ] as const
          ).map(([direction, text]) => (
            <li key={direction} className="move" data-direction={direction}>
              <svg className="legend-line" viewBox="0 0 28 10" aria-hidden="true">
                <path className="move-line" d="M 2 5 L 22 5" strokeWidth="2.5" />
                <path className="move-legend-head" d="M 20 1 L 27 5 L 20 9 z" />
              </svg>
              {text}
            </li>
          ))}
          <li className="muted">The number on an arrow counts the risks that took it.</li>
        </ul>
      )}
    </div>
  );
}

const LIST_PREVIEW = 12;

function MovementLists(props: { movement: Movement; sinceDate: string; arrows: AggregatedMove[] }) {
  const { movement } = props;
  const moved = props.arrows.reduce((sum, arrow) => sum + arrow.count, 0);
  const lists: Array<{ id: string; title: string; empty: string; moves: RiskMove[] }> = [
    { id: 'new', title: 'New', empty: 'No risk was added.', moves: movement.newRisks },
    { id: 'worsened', title: 'Worsened', empty: 'No risk got worse.', moves: movement.worsened },
    { id: 'improved', title: 'Improved', empty: 'No risk improved.', moves: movement.improved },
    { id: 'closed', title: 'Closed', empty: 'No risk was closed.', moves: movement.closed },
  ];
  // Rare, so only listed when it happened.
  if (movement.reopened.length > 0) lists.push({ id: 'reopened', title: 'Reopened', empty: '', moves: movement.reopened });
  return (
    <div className="stack" data-testid="risk-movement">
      <p className="muted heatmap-movement-summary">
        Since {formatCalendarDate(props.sinceDate)}: {plural(moved, 'risk')} moved to another cell, {movement.newRisks.length} new,{' '}
        {movement.closed.length} closed.
      </p>
      <div className="movement-lists">
        {lists.map((list) => (
          <MovementList key={list.id} title={list.title} empty={list.empty} moves={list.moves} />
        ))}
      </div>
    </div>
  );
}

function MovementList(props: { title: string; empty: string; moves: RiskMove[] }) {
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? props.moves : props.moves.slice(0, LIST_PREVIEW);
  return (
    <section className="movement-list" aria-labelledby={headingId} data-testid={`movement-${props.title.toLowerCase()}`}>
      <h3 id={headingId}>
        {props.title} <span className="pill">{props.moves.length.toLocaleString()}</span>
      </h3>
      {props.moves.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul>
          {shown.map((move) => (
            <li key={move.risk.id}>
              <span className="movement-reference">{move.risk.reference}</span>
              <span className="movement-title">{move.risk.title}</span>
              <span className="movement-bands">
                <BandTag position={move.then} missing="new" />
                <span aria-label="to"> → </span>
                <BandTag position={move.now} missing="closed" />
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.moves.length > LIST_PREVIEW && (
        <button type="button" className="link" onClick={() => setExpanded((current) => !current)}>
          {expanded ? 'Show fewer' : `Show all ${props.moves.length.toLocaleString()}`}
        </button>
      )}
    </section>
  );
}

/** "4×5 Critical": likelihood × impact with the band, so a move within one band still reads as a move. */
function BandTag({ position, missing }: { position: RiskPosition | null; missing: string }) {
  if (position === null) return <span className="band-tag">{missing}</span>;
  return (
    <span className="band-tag risk-band" data-band={position.band}>
      {position.likelihood}×{position.impact} {ratingBandLabels[position.band]}
    </span>
  );
}
