/**
 * The register as a table for spreadsheets: one row per risk, people by name, levels as
 * numbers with their labels beside them, bands, and dates. The same rows feed the CSV
 * and the XLSX file, and the headers are ones the importer maps back.
 */
import { riskCategoryLabel, riskProximityLabels, riskResponseLabels, riskStatusLabels, type Risk } from '../../domain/risk';
import { ratingBandLabels, type RiskMatrix } from '../../domain/settings';
import { inherentRating, residualRating } from '../scoring';

/** A calendar date cell; XLSX writes it as a real date, CSV as YYYY-MM-DD. */
export interface DateCell {
  date: string;
}
export type ExportCell = string | number | DateCell | null;

export interface ExportColumn {
  header: string;
  /** Rough width in characters, for XLSX. */
  width: number;
}

export const registerExportColumns: ExportColumn[] = [
  { header: 'Reference', width: 10 },
  { header: 'Title', width: 40 },
  { header: 'Description', width: 50 },
  { header: 'Category', width: 22 },
  { header: 'Cause', width: 30 },
  { header: 'Trigger', width: 30 },
  { header: 'Likelihood', width: 10 },
  { header: 'Likelihood label', width: 16 },
  { header: 'Impact', width: 8 },
  { header: 'Impact label', width: 14 },
  { header: 'Inherent band', width: 13 },
  { header: 'Residual likelihood', width: 10 },
  { header: 'Residual likelihood label', width: 16 },
  { header: 'Residual impact', width: 8 },
  { header: 'Residual impact label', width: 14 },
  { header: 'Residual band', width: 13 },
  { header: 'Owner', width: 22 },
  { header: 'Response', width: 11 },
  { header: 'Status', width: 11 },
  { header: 'Proximity', width: 13 },
  { header: 'Next review', width: 12 },
  { header: 'Last reviewed', width: 12 },
  { header: 'Closed', width: 12 },
  { header: 'Created', width: 12 },
  { header: 'Updated', width: 12 },
];

const dateOf = (instant: string | null): DateCell | null => (instant === null ? null : { date: instant.slice(0, 10) });

export { riskCategoryLabel as categoryLabel };

export function registerExportRows(
  risks: ReadonlyArray<Risk>,
  context: { matrix: RiskMatrix; personName(id: string): string | null },
): ExportCell[][] {
  const { matrix } = context;
  const label = (labels: string[], level: number | null) => (level === null ? null : (labels[level - 1] ?? null));
  return risks.map((risk) => {
    const inherent = inherentRating(matrix, risk);
    const residual = residualRating(matrix, risk);
    return [
      risk.reference,
      risk.title,
      risk.description,
      riskCategoryLabel(risk.category),
      risk.cause,
      risk.trigger,
      risk.likelihood,
      label(matrix.likelihoodLabels, risk.likelihood),
      risk.impact,
      label(matrix.impactLabels, risk.impact),
      ratingBandLabels[inherent.band],
      risk.residualLikelihood,
      label(matrix.likelihoodLabels, risk.residualLikelihood),
      risk.residualImpact,
      label(matrix.impactLabels, risk.residualImpact),
      residual ? ratingBandLabels[residual.band] : null,
      risk.ownerId === null ? null : (context.personName(risk.ownerId) ?? null),
      riskResponseLabels[risk.response],
      riskStatusLabels[risk.status],
      riskProximityLabels[risk.proximity],
      risk.nextReviewOn === null ? null : { date: risk.nextReviewOn },
      dateOf(risk.lastReviewedAt),
      dateOf(risk.closedAt),
      dateOf(risk.createdAt),
      dateOf(risk.updatedAt),
    ];
  });
}

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage
 * return) gets an apostrophe in front, so opening the file never evaluates it. The
 * importer removes that apostrophe again.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = typeof cell === 'string' ? neutraliseFormula(cell) : cell.date;
  return /[",\r\n;]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as Excel and LibreOffice open it cleanly: UTF-8 with a byte-order mark, CRLF line ends. */
export function toCsv(headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<ExportCell>>): string {
  const lines = [headers.map(csvField), ...rows.map((row) => row.map(csvField))].map((fields) => fields.join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
