// The browser's first look at a chosen file: .xlsx and .csv pass, an empty file is
// stopped, other endings get advice but may still be sent (the server decides).
import { describe, expect, it } from 'vitest';
import { checkFile, maySend } from './fileCheck';

const file = (name: string, size = 100) => ({ name, size });

describe('file check', () => {
  it('takes workbooks and CSV files whatever the case of their ending', () => {
    expect(checkFile(file('people.xlsx'))).toEqual({ ok: true });
    expect(checkFile(file('People.CSV'))).toEqual({ ok: true });
    expect(maySend(file('people.csv'))).toBe(true);
  });

  it('stops an empty file', () => {
    const verdict = checkFile(file('people.csv', 0));
    expect(verdict).toMatchObject({ ok: false, overridable: false });
    expect(maySend(file('people.csv', 0))).toBe(false);
  });

  it.each([
    ['old.xls', /Excel 97–2003/],
    ['macros.xlsm', /macros/],
    ['sheet.ods', /Export it as \.xlsx or \.csv/],
    ['rows.txt', /\.csv ending/],
    ['photo.png', /Choose an \.xlsx workbook or a \.csv file/],
    ['no-ending', /Choose an \.xlsx workbook or a \.csv file/],
    ['.csv', /Choose an \.xlsx workbook or a \.csv file/],
  ])('advises on %s but lets it be sent', (name, advice) => {
    const verdict = checkFile(file(name));
    expect(verdict).toMatchObject({ ok: false, overridable: true });
    if (!verdict.ok) expect(verdict.message).toMatch(advice);
    expect(maySend(file(name))).toBe(true);
  });
});
