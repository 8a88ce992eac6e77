import { describe, expect, it } from 'vitest';
import { CsvFormatError, decodeCsvBytes, parseCsv, sniffSeparator } from '@shared/risk/import/csv';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeCsvBytes', () => {
  it('drops a UTF-8 byte-order mark and reads the rest as UTF-8', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Título;Impacto')]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Título;Impacto', encoding: 'utf-8' });
  });

  it('reads UTF-8 without a byte-order mark', () => {
    expect(decodeCsvBytes(utf8('Owner\nZoë Ålund'))).toEqual({ text: 'Owner\nZoë Ålund', encoding: 'utf-8' });
  });

  it('reads UTF-16 little-endian text as Excel saves "Unicode text"', () => {
    const text = 'Risk\tImpact';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index++) bytes[2 + index * 2] = text.charCodeAt(index);
    expect(decodeCsvBytes(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    // "Café" with é as the single byte 0xE9, as Excel on Windows writes CSV.
    expect(decodeCsvBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toEqual({ text: 'Café', encoding: 'windows-1252' });
  });
});

describe('sniffSeparator', () => {
  it('picks the separator used most in the header line', () => {
    expect(sniffSeparator('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(sniffSeparator('Risk;Likelihood;Impact\nA,B;1;2')).toBe(';');
    expect(sniffSeparator('Risk\tLikelihood\tImpact')).toBe('\t');
  });

  it('ignores separators inside quoted headers', () => {
    expect(sniffSeparator('"Impact, cost; time";Owner;Status')).toBe(';');
  });

  it('falls back to a comma for a single-column header', () => {
    expect(sniffSeparator('Title\nSomething')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('reads quoted cells with doubled quotes, separators and line breaks inside', () => {
    const text = 'Title,Description\r\n"Vendor ""lock-in""","Line one\r\nLine two, with a comma"\r\nPlain,Text\r\n';
    expect(parseCsv(text).rows).toEqual([
      ['Title', 'Description'],
      ['Vendor "lock-in"', 'Line one\r\nLine two, with a comma'],
      ['Plain', 'Text'],
    ]);
  });

  it('treats LF and CRLF alike and keeps a last row without a line break', () => {
    expect(parseCsv('a;b\n1;2\r\n3;4').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('drops blank trailing rows but keeps blank rows in the middle so row numbers match', () => {
    const { rows } = parseCsv('a,b\n1,2\n\n3,4\n,\n\n');
    expect(rows).toEqual([['a', 'b'], ['1', '2'], [''], ['3', '4']]);
  });

  it('strips a BOM left in the text', () => {
    expect(parseCsv('\uFEFFa,b\n1,2').rows[0]).toEqual(['a', 'b']);
  });

  it('keeps empty cells, including one after a trailing separator', () => {
    expect(parseCsv('a,b,c\n1,,\n').rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
  });

  it('returns no rows for an empty or blank file', () => {
    expect(parseCsv('').rows).toEqual([]);
    expect(parseCsv('\r\n\r\n  \n').rows).toEqual([]);
  });

  it('reports a quote that is never closed with its row', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toThrow(CsvFormatError);
    expect(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toThrow(/Row 3: a quoted cell \(column 2\) is never closed/);
  });

  it('reads a 1 MB quoted cell in one pass', () => {
    const big = 'x'.repeat(1024 * 1024);
    const started = performance.now();
    const { rows } = parseCsv(`Title,Description\nBig,"${big}"\n`);
    expect(rows[1]![1]).toHaveLength(1024 * 1024);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('keeps formula-looking cells as text', () => {
    const { rows } = parseCsv('Title,Owner\n"=HYPERLINK(""http://evil.example"",""click"")",@SUM(A1)\n+1,-2\n');
    expect(rows.slice(1)).toEqual([
      ['=HYPERLINK("http://evil.example","click")', '@SUM(A1)'],
      ['+1', '-2'],
    ]);
  });
});
