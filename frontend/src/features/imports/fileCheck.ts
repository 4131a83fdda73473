// The browser's first look at a chosen file: imports take .xlsx workbooks and .csv files,
// so another extension gets a friendly word on what to do (the person may still send it:
// the server checks the content, not the name, and has the last word). Pure functions.

/** What the file input offers; the server still decides by content. */
export const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export type FileVerdict =
  | { ok: true }
  /** `overridable`: the name looks wrong but the content may be fine; the person may send it anyway. */
  | { ok: false; message: string; overridable: boolean };

/** Whether a chosen file looks importable, and if not, why in words and what to do. */
export function checkFile(file: Pick<File, 'name' | 'size'>): FileVerdict {
  if (file.size === 0) {
    return { ok: false, overridable: false, message: `“${file.name}” is empty. Choose the file that holds the rows.` };
  }
  const extension = extensionOf(file.name);
  if (extension === 'xlsx' || extension === 'csv') return { ok: true };
  const fix = (what: string) => ({ ok: false as const, overridable: true, message: `“${file.name}” is ${what}` });
  switch (extension) {
    case 'xls':
      return fix('an old Excel 97–2003 workbook. Open it in Excel, save it as “Excel Workbook (.xlsx)” and choose the new file.');
    case 'xlsm':
    case 'xltm':
      return fix('a workbook with macros, which imports refuse. Save a copy as “Excel Workbook (.xlsx)” and choose that.');
    case 'ods':
    case 'numbers':
      return fix('not an Excel workbook. Export it as .xlsx or .csv and choose the exported file.');
    case 'txt':
    case 'tsv':
      return fix('not a .csv file. If it holds comma-separated rows, save it with the .csv ending.');
    default:
      return fix('not a spreadsheet this import reads. Choose an .xlsx workbook or a .csv file.');
  }
}

/** Whether a chosen file may be sent: anything but an empty file (the server decides the rest). */
export function maySend(file: Pick<File, 'name' | 'size'>): boolean {
  const verdict = checkFile(file);
  return verdict.ok || verdict.overridable;
}
