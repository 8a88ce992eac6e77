/**
 * The pack's charts as plain SVG with inline colours: vector in the PDF, and correct in
 * the exported HTML and under server rendering, where no app stylesheet is present.
 */
import type { Pack, PackRag, PackScorecardRow } from '@shared/pack/model';
import { cellCentre, cellOrigin, heatMapLayout, movementArrow, sparklineGeometry } from './chart-geometry';
import { kpiStatusWords, ragLabels } from './pack-format';

export const SPARKLINE_WIDTH = 72;
export const SPARKLINE_HEIGHT = 22;
const SPARKLINE_PAD = 3;

export function PackSparkline({ row }: { row: PackScorecardRow }) {
  const geometry = sparklineGeometry(row.sparkline, SPARKLINE_WIDTH, SPARKLINE_HEIGHT, SPARKLINE_PAD);
  const values = row.sparkline.filter((value) => value !== null).length;
  const label = values === 0 ? `${row.kpi}: no values` : `${row.kpi}: ${values} sprint values, latest ${row.latest ?? 'none'}`;
  return (
    <svg
      className="pack-sparkline"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${SPARKLINE_WIDTH} ${SPARKLINE_HEIGHT}`}
      width={SPARKLINE_WIDTH}
      height={SPARKLINE_HEIGHT}
    >
      {geometry.latest === null && (
        <line
          x1={SPARKLINE_PAD}
          x2={SPARKLINE_WIDTH - SPARKLINE_PAD}
          y1={SPARKLINE_HEIGHT / 2}
          y2={SPARKLINE_HEIGHT / 2}
          stroke="#c9ced8"
          strokeDasharray="2 2"
        />
      )}
      {geometry.paths.map((path) => (
        <path key={path} d={path} fill="none" stroke="#2556c4" strokeWidth={1.2} strokeLinejoin="round" strokeLinecap="round" />
      ))}
      {geometry.dots.map((dot) => (
        <circle key={`${dot.x},${dot.y}`} cx={dot.x} cy={dot.y} r={1.3} fill="#2556c4" />
      ))}
      {geometry.latest !== null && <circle cx={geometry.latest.x} cy={geometry.latest.y} r={2.4} fill="#11151c" />}
    </svg>
  );
}

const statusColours = {
  green: '#1f7a4d',
  amber: '#b86e00',
  red: '#b42318',
  none: '#7b8496',
} as const;

/** A shape per status (tick in a circle, triangle, octagon, dashed circle): readable without colour. */
function StatusShape({ status, size }: { status: 'green' | 'amber' | 'red' | 'none'; size: number }) {
  const colour = statusColours[status];
  return (
    <svg viewBox="0 0 16 16" width={size} height={size} aria-hidden="true" focusable="false">
      {status === 'green' && (
        <>
          <circle cx="8" cy="8" r="7" fill={colour} />
          <path d="M4.6 8.3 7 10.6 11.4 5.6" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </>
      )}
      {status === 'amber' && (
        <>
          <path d="M8 1.2 15.2 14.4H0.8Z" fill={colour} />
          <path d="M8 5.6V9.6M8 11.6V12" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
      {status === 'red' && (
        <>
          <path d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1Z" fill={colour} />
          <path d="M5.5 5.5 10.5 10.5M10.5 5.5 5.5 10.5" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
      {status === 'none' && (
        <>
          <circle cx="8" cy="8" r="6.3" fill="none" stroke={colour} strokeWidth="1.5" strokeDasharray="2.4 2" />
          <path d="M5.5 8H10.5" stroke={colour} strokeWidth="1.6" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}

export function RagChip({ rag, size = 11 }: { rag: PackRag; size?: number }) {
  return (
    <span className="pack-chip" data-rag={rag} style={{ color: statusColours[rag] }}>
      <StatusShape status={rag} size={size} />
      {ragLabels[rag]}
    </span>
  );
}

export function KpiChip({ status, provisional }: { status: PackScorecardRow['status']; provisional: boolean }) {
  const shape = status === 'no-data' ? 'none' : status;
  return (
    <span className="pack-chip" data-status={status} style={{ color: statusColours[shape] }}>
      <StatusShape status={shape} size={10} />
      {kpiStatusWords[status]}
      {provisional && <span className="pack-cell-sub">provisional</span>}
    </span>
  );
}

export const bandFills = { low: '#d7efe0', medium: '#fcefc2', high: '#f9d2b0', critical: '#f2b2ac' } as const;

/** The band's initial, printed in each cell and in the legend, so the map reads in greyscale too. */
export const bandInitials = { low: 'L', medium: 'M', high: 'H', critical: 'C' } as const;

/**
 * Open risks per cell, likelihood up and impact across, with an arrow for each risk that
 * moved since the previous checkpoint. New and closed risks have no arrow (one end is
 * off the map); the movement table beside the map lists them.
 */
export function PackHeatMap({ risks }: { risks: Pack['risks'] }) {
  const layout = heatMapLayout(risks.likelihoodLabels.length, risks.impactLabels.length);
  const cells = new Map(risks.cells.map((cell) => [`${cell.likelihood}:${cell.impact}`, cell]));
  const moves = risks.movements.filter(
    (move) =>
      move.from !== null && move.to !== null && (move.from.likelihood !== move.to.likelihood || move.from.impact !== move.to.impact),
  );
  const gridBottom = layout.top + layout.likelihoodLevels * layout.cellHeight;
  const gridRight = layout.left + layout.impactLevels * layout.cellWidth;
  const label = `Risk heat map: ${risks.openCount} open risks on a ${layout.likelihoodLevels} by ${layout.impactLevels} grid, ${moves.length} moved since the previous checkpoint`;
  return (
    <svg
      className="pack-heatmap"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width * 1.25}
    >
      <defs>
        <marker id="pack-heatmap-arrowhead" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto">
          <path d="M0 0 8 4 0 8Z" fill="#11151c" />
        </marker>
      </defs>
      {risks.likelihoodLabels.map((_, likelihoodIndex) =>
        risks.impactLabels.map((__, impactIndex) => {
          const likelihood = likelihoodIndex + 1;
          const impact = impactIndex + 1;
          const cell = cells.get(`${likelihood}:${impact}`);
          const origin = cellOrigin(layout, likelihood, impact);
          const count = cell?.count ?? 0;
          return (
            <g key={`${likelihood}:${impact}`} data-cell={`${likelihood}:${impact}`} data-count={count}>
              <rect
                x={origin.x}
                y={origin.y}
                width={layout.cellWidth}
                height={layout.cellHeight}
                fill={cell ? bandFills[cell.band] : '#f3f4f7'}
                stroke="#ffffff"
                strokeWidth={1.5}
              />
              {cell && (
                <text x={origin.x + 4} y={origin.y + 10} fontSize="7" fontWeight="600" fill="#3a4252" data-band={cell.band}>
                  {bandInitials[cell.band]}
                </text>
              )}
            </g>
          );
        }),
      )}
      {risks.likelihoodLabels.map((text, index) => {
        const centre = cellCentre(layout, index + 1, 1);
        return (
          <text key={`l${index}`} x={layout.left - 6} y={centre.y + 3} textAnchor="end" fontSize="8.5" fill="#3a4252">
            {text}
          </text>
        );
      })}
      {risks.impactLabels.map((text, index) => {
        const centre = cellCentre(layout, 1, index + 1);
        return (
          <text key={`i${index}`} x={centre.x} y={gridBottom + 12} textAnchor="middle" fontSize="8.5" fill="#3a4252">
            {text}
          </text>
        );
      })}
      <text x={(layout.left + gridRight) / 2} y={gridBottom + 30} textAnchor="middle" fontSize="9" fontWeight="600" fill="#11151c">
        Impact →
      </text>
      <text
        x={10}
        y={layout.top + (gridBottom - layout.top) / 2}
        textAnchor="middle"
        fontSize="9"
        fontWeight="600"
        fill="#11151c"
        transform={`rotate(-90 10 ${layout.top + (gridBottom - layout.top) / 2})`}
      >
        Likelihood →
      </text>
      {moves.map((move, index) => {
        const arrow = movementArrow(layout, move.from!, move.to!, index);
        return (
          <line
            key={`${move.reference}-${index}`}
            data-movement={move.reference}
            {...arrow}
            stroke={move.trend === 'improved' ? '#1f7a4d' : '#11151c'}
            strokeWidth={1.4}
            strokeDasharray={move.trend === 'improved' ? '3 2' : undefined}
            markerEnd="url(#pack-heatmap-arrowhead)"
          >
            <title>{`${move.reference} ${move.title}`}</title>
          </line>
        );
      })}
      {/*
        Counts last, each on a white disc, so an arrow passing under one leaves it readable. A disc
        rather than a stroked halo: Chromium writes stroked text into a PDF as Type 3 glyphs.
      */}
      {risks.cells
        .filter((cell) => cell.count > 0)
        .map((cell) => {
          const centre = cellCentre(layout, cell.likelihood, cell.impact);
          return (
            <g key={`count-${cell.likelihood}:${cell.impact}`}>
              <circle cx={centre.x} cy={centre.y} r={cell.count > 9 ? 11 : 9} fill="#ffffff" fillOpacity={0.9} />
              <text x={centre.x} y={centre.y + 5} textAnchor="middle" fontSize="14" fontWeight="700" fill="#11151c">
                {cell.count}
              </text>
            </g>
          );
        })}
    </svg>
  );
}
