// The import screen's URL state: reading and writing round-trip, defaults stay out of
// the URL, unknown values fall back, and the empty states' link.
import { describe, expect, it } from 'vitest';
import { importPath, readImportParams, writeImportParams } from './importParams';

describe('import URL state', () => {
  it('round-trips the kind, the options and the shown job', () => {
    const search = 'kind=projects&update=1&skip=1&job=42';
    const params = readImportParams(new URLSearchParams(search));
    expect(params).toEqual({ kind: 'projects', updateExisting: true, skipBadRows: true, job: 42 });
    expect(writeImportParams(params).toString()).toBe(search);
  });

  it('defaults to people with both options off and no job, and writes only the kind', () => {
    const params = readImportParams(new URLSearchParams(''));
    expect(params).toEqual({ kind: 'people', updateExisting: false, skipBadRows: false, job: null });
    expect(writeImportParams(params).toString()).toBe('kind=people');
  });

  it('ignores values it does not know', () => {
    expect(readImportParams(new URLSearchParams('kind=invoices&update=yes&skip=true&job=-3'))).toEqual({
      kind: 'people',
      updateExisting: false,
      skipBadRows: false,
      job: null,
    });
    expect(readImportParams(new URLSearchParams('job=1.5')).job).toBeNull();
    expect(readImportParams(new URLSearchParams('job=99999999999999999999')).job).toBeNull();
    expect(readImportParams(new URLSearchParams('job=0')).job).toBeNull();
  });

  it('links the empty states to the import of their kind', () => {
    expect(importPath('people')).toBe('/import?kind=people');
    expect(importPath('projects')).toBe('/import?kind=projects');
  });
});
