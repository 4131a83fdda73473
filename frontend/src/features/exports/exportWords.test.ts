// Exports' words and names: the formats offered, the save name when the server gives
// none, the file a finished export job names, and the dialog's title.
import { describe, expect, it } from 'vitest';
import { makeJob } from '../../test/jobData';
import { EXPORT_FORMATS, exportFileOf, exportTitle, fallbackExportName } from './exportWords';

describe('export words', () => {
  it('offers a workbook and a CSV file', () => {
    expect(EXPORT_FORMATS.map((entry) => entry.format)).toEqual(['xlsx', 'csv']);
  });

  it('names a file by kind, day and format when the server gives no name', () => {
    expect(fallbackExportName('people', 'xlsx', new Date('2026-12-04T18:00:00Z'))).toBe('people-2026-12-04.xlsx');
    expect(fallbackExportName('projects', 'csv', new Date('2026-01-31T00:00:00Z'))).toBe('projects-2026-01-31.csv');
  });

  it('reads the file a succeeded export job left, and nothing else', () => {
    const download = { name: 'people-2026-12-04.xlsx', contentType: 'application/zip', bytes: 4096 };
    expect(exportFileOf(makeJob({ id: 1, result: { download, rows: 9000 } }))).toEqual({ name: download.name, bytes: 4096 });
    expect(exportFileOf(makeJob({ id: 2, state: 'running', result: { download } }))).toBeNull();
    expect(exportFileOf(makeJob({ id: 3, result: { rows: 3 } }))).toBeNull();
    expect(exportFileOf(makeJob({ id: 4, result: { download: { name: '', bytes: 1 } } }))).toBeNull();
    expect(exportFileOf(makeJob({ id: 5, result: null }))).toBeNull();
  });

  it('titles the dialog by kind and format', () => {
    expect(exportTitle('people', 'xlsx')).toBe('Export of people as an Excel workbook');
    expect(exportTitle('projects', 'csv')).toBe('Export of projects as CSV');
  });
});
