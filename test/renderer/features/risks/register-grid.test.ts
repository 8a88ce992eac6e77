import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import type { Risk } from '@shared/domain/risk';
import { riskSortColumns } from '@shared/risk/register-query';
import { changesFromEdit, editValuesFor, moveInGrid, nextCell, registerColumns } from '../../../../renderer/features/risks/register-grid';

const size = { rows: 20, cols: registerColumns.length, page: 10 };
const last = registerColumns.length - 1;

const risk = {
  title: 'Shared admin account',
  category: 'data-security-and-access',
  likelihood: 4,
  impact: 5,
  residualLikelihood: null,
  residualImpact: null,
  ownerId: '20000000-0000-4000-8000-000000000001',
  response: 'mitigate',
  status: 'open',
  proximity: 'imminent',
  nextReviewOn: '2026-12-05',
} as Risk;
const matrix = defaultRiskMatrix(5);

describe('register columns', () => {
  it('offers a header sort for every sortable column, once each', () => {
    const sorts = registerColumns.map((column) => column.sort).filter((sort) => sort !== null);
    expect([...sorts].sort()).toEqual([...riskSortColumns].sort());
  });
});

describe('moving the active cell', () => {
  it('moves one cell with the arrows and stops at the edges, the header row above the first risk', () => {
    expect(moveInGrid({ row: 3, col: 2 }, { key: 'ArrowDown' }, size)).toEqual({ row: 4, col: 2 });
    expect(moveInGrid({ row: 3, col: 2 }, { key: 'ArrowLeft' }, size)).toEqual({ row: 3, col: 1 });
    expect(moveInGrid({ row: 0, col: 2 }, { key: 'ArrowUp' }, size)).toEqual({ row: -1, col: 2 });
    expect(moveInGrid({ row: -1, col: 2 }, { key: 'ArrowUp' }, size)).toEqual({ row: -1, col: 2 });
    expect(moveInGrid({ row: 19, col: last }, { key: 'ArrowDown' }, size)).toEqual({ row: 19, col: last });
    expect(moveInGrid({ row: 19, col: last }, { key: 'ArrowRight' }, size)).toEqual({ row: 19, col: last });
    expect(moveInGrid({ row: 0, col: 0 }, { key: 'ArrowLeft' }, size)).toEqual({ row: 0, col: 0 });
  });

  it('jumps with Home, End and Page keys', () => {
    expect(moveInGrid({ row: 5, col: 4 }, { key: 'Home' }, size)).toEqual({ row: 5, col: 0 });
    expect(moveInGrid({ row: 5, col: 4 }, { key: 'End' }, size)).toEqual({ row: 5, col: last });
    expect(moveInGrid({ row: 5, col: 4 }, { key: 'Home', ctrlKey: true }, size)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 5, col: 4 }, { key: 'End', ctrlKey: true }, size)).toEqual({ row: 19, col: last });
    expect(moveInGrid({ row: 5, col: 4 }, { key: 'PageDown' }, size)).toEqual({ row: 15, col: 4 });
    expect(moveInGrid({ row: 15, col: 4 }, { key: 'PageDown' }, size)).toEqual({ row: 19, col: 4 });
    expect(moveInGrid({ row: 5, col: 4 }, { key: 'PageUp' }, size)).toEqual({ row: 0, col: 4 });
  });

  it('ignores other keys and stays on the header of an empty grid', () => {
    expect(moveInGrid({ row: 5, col: 4 }, { key: 'a' }, size)).toBeNull();
    expect(moveInGrid({ row: -1, col: 0 }, { key: 'ArrowDown' }, { ...size, rows: 0 })).toEqual({ row: -1, col: 0 });
  });

  it('tabs along the row, on to the next row, and nowhere past the ends', () => {
    expect(nextCell({ row: 2, col: 3 }, false, size)).toEqual({ row: 2, col: 4 });
    expect(nextCell({ row: 2, col: last }, false, size)).toEqual({ row: 3, col: 0 });
    expect(nextCell({ row: 3, col: 0 }, true, size)).toEqual({ row: 2, col: last });
    expect(nextCell({ row: 19, col: last }, false, size)).toBeNull();
    expect(nextCell({ row: 0, col: 0 }, true, size)).toBeNull();
  });
});

describe('inline edits', () => {
  it('starts each editor from the risk’s values', () => {
    expect(editValuesFor('inherent', risk)).toEqual({ likelihood: '4', impact: '5' });
    expect(editValuesFor('residual', risk)).toEqual({ residualLikelihood: '', residualImpact: '' });
    expect(editValuesFor('owner', { ...risk, ownerId: null })).toEqual({ ownerId: '' });
    expect(editValuesFor('reference', risk)).toEqual({});
  });

  it('turns an edit into the changes to save', () => {
    expect(changesFromEdit('inherent', { likelihood: '2', impact: '5' }, risk, matrix)).toEqual({
      ok: true,
      changes: { likelihood: 2, impact: 5 },
    });
    expect(changesFromEdit('residual', { residualLikelihood: '', residualImpact: '' }, risk, matrix)).toEqual({
      ok: true,
      changes: { residualLikelihood: null, residualImpact: null },
    });
    expect(changesFromEdit('title', { title: '  Shared admin login ' }, risk, matrix)).toEqual({
      ok: true,
      changes: { title: 'Shared admin login' },
    });
    expect(changesFromEdit('owner', { ownerId: '' }, risk, matrix)).toEqual({ ok: true, changes: { ownerId: null } });
    expect(changesFromEdit('nextReview', { nextReviewOn: '' }, { ...risk, status: 'closed' }, matrix)).toEqual({
      ok: true,
      changes: { nextReviewOn: null },
    });
  });

  it('refuses values it can tell are wrong, saying which and why', () => {
    expect(changesFromEdit('title', { title: '   ' }, risk, matrix)).toEqual({ ok: false, field: 'title', message: 'Title is required.' });
    expect(changesFromEdit('inherent', { likelihood: '5', impact: '4' }, risk, defaultRiskMatrix(3))).toEqual({
      ok: false,
      field: 'likelihood',
      message: 'Likelihood must be a level from 1 to 3.',
    });
    expect(changesFromEdit('residual', { residualLikelihood: '2', residualImpact: '' }, risk, matrix)).toEqual({
      ok: false,
      field: 'residualImpact',
      message: 'Please give both residual likelihood and impact, or neither.',
    });
    expect(changesFromEdit('nextReview', { nextReviewOn: '' }, risk, matrix)).toEqual({
      ok: false,
      field: 'nextReviewOn',
      message: 'Next review is required while the risk is not closed.',
    });
    expect(changesFromEdit('updated', {}, risk, matrix).ok).toBe(false);
  });
});
