import { describe, expect, it } from 'vitest';
import {
  ARROW_CLEARANCE,
  cellCentre,
  heatMapLayout,
  movementArrow,
  sparklineGeometry,
} from '../../../../renderer/features/pack/document/chart-geometry';

describe('sparklineGeometry', () => {
  it('spreads the points across the width, highest value at the top, and breaks the line at a missing sprint', () => {
    // Width 100, height 20, pad 0: x steps of 25, y from 20 (min) to 0 (max).
    const geometry = sparklineGeometry([10, 20, null, 30, 20], 100, 20, 0);
    expect(geometry.paths).toEqual(['M0 20 L25 10', 'M75 0 L100 10']);
    expect(geometry.dots).toEqual([]);
    expect(geometry).toMatchObject({ latest: { x: 100, y: 10 } });
    const second = sparklineGeometry([10, null, 30, 20], 90, 20, 0);
    expect(second.dots).toEqual([{ x: 0, y: 20 }]);
    expect(second.paths).toEqual(['M60 0 L90 10']);
  });

  it('keeps padding, centres a flat series and a single value', () => {
    expect(sparklineGeometry([5, 5, 5], 84, 22, 3).paths).toEqual(['M3 11 L42 11 L81 11']);
    expect(sparklineGeometry([7], 84, 22, 3)).toEqual({ paths: [], dots: [{ x: 42, y: 11 }], latest: { x: 42, y: 11 } });
  });

  it('draws nothing for a series without values', () => {
    expect(sparklineGeometry([null, null], 84, 22, 3)).toEqual({ paths: [], dots: [], latest: null });
    expect(sparklineGeometry([], 84, 22, 3)).toEqual({ paths: [], dots: [], latest: null });
  });
});

describe('heat map layout', () => {
  it('puts the highest likelihood at the top and impact left to right', () => {
    const layout = heatMapLayout(5, 5);
    const lowLeft = cellCentre(layout, 1, 1);
    const highRight = cellCentre(layout, 5, 5);
    expect(highRight.x).toBeGreaterThan(lowLeft.x);
    expect(highRight.y).toBeLessThan(lowLeft.y);
    expect(highRight.x - lowLeft.x).toBe(4 * layout.cellWidth);
    expect(lowLeft.y - highRight.y).toBe(4 * layout.cellHeight);
  });

  it('draws a movement arrow from the old cell towards the new one, clear of both counts', () => {
    const layout = heatMapLayout(5, 5);
    // Index 2: no sideways nudge.
    const arrow = movementArrow(layout, { likelihood: 2, impact: 3 }, { likelihood: 2, impact: 5 }, 2);
    const from = cellCentre(layout, 2, 3);
    const to = cellCentre(layout, 2, 5);
    expect(arrow).toEqual({ x1: from.x + ARROW_CLEARANCE, y1: from.y, x2: to.x - ARROW_CLEARANCE, y2: to.y });
    // Index 0 is nudged 6 units to the side of a downward move.
    const down = movementArrow(layout, { likelihood: 3, impact: 2 }, { likelihood: 2, impact: 2 }, 0);
    expect(down.x1).toBe(cellCentre(layout, 3, 2).x + 6);
    expect(down.y2).toBe(cellCentre(layout, 2, 2).y - ARROW_CLEARANCE);
  });
});
