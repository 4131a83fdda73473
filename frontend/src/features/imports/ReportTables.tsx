// The two tables of an import report: the counts per entity (new/created, to update,
// unchanged, skipped; numbers right-aligned) and the problems found (errors first,
// each with its sheet, row, column, value and reason; the severity in a word, not
// colour alone), ten at first and more on request, up to what the report lists.
import { useState } from 'react';
import type { ImportReport } from '../../api/imports';
import { ISSUES_FIRST, ISSUES_MAX, countHeadings, countRows, issuesCaption, shownIssues } from './importReport';

export function CountsTable({ report }: { report: ImportReport }) {
  const rows = countRows(report);
  const headings = countHeadings(report.dryRun);
  if (rows.length === 0) return <p className="muted">The file holds no rows to import.</p>;
  return (
    <table className="data-table import-counts" data-testid="import-counts">
      <caption className="visually-hidden">{report.dryRun ? 'What the import would do' : 'What the import did'}</caption>
      <thead>
        <tr>
          <th scope="col">Rows</th>
          <th scope="col" className="num">{headings.created}</th>
          <th scope="col" className="num">{headings.updated}</th>
          <th scope="col" className="num">{headings.unchanged}</th>
          <th scope="col" className="num">{headings.skipped}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid={`import-count-${row.key}`}>
            <th scope="row">{row.label}</th>
            <td className="num">{row.created.toLocaleString('en')}</td>
            <td className="num">{row.updated.toLocaleString('en')}</td>
            <td className="num">{row.unchanged.toLocaleString('en')}</td>
            <td className="num">{row.skipped.toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function IssuesTable({ report }: { report: ImportReport }) {
  const [limit, setLimit] = useState(ISSUES_FIRST);
  const { rows, hidden } = shownIssues(report.issues, limit);
  if (rows.length === 0) return null;
  const caption = issuesCaption(rows.length, report);
  return (
    <div className="import-issues">
      <div className="import-issues__scroll">
        <table className="data-table import-issues__table" aria-label="Problems in the file" data-testid="import-issues">
          <caption className="import-issues__caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Problem</th>
              <th scope="col">Sheet</th>
              <th scope="col" className="num">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((issue, index) => (
              <tr key={`${issue.sheet}-${issue.row}-${issue.column ?? ''}-${index}`} data-severity={issue.severity}>
                <td>
                  <span className={`import-severity import-severity--${issue.severity === 'error' ? 'error' : 'warning'}`}>
                    <span aria-hidden="true">{issue.severity === 'error' ? '✕ ' : '! '}</span>
                    {issue.severity === 'error' ? 'Error' : 'Warning'}
                  </span>
                </td>
                <td>{issue.sheet}</td>
                <td className="num">{issue.row}</td>
                <td>{issue.column ?? <span className="muted">—</span>}</td>
                <td className="import-issues__value">{issue.value ? <code>{issue.value}</code> : <span className="muted">—</span>}</td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 && limit < ISSUES_MAX && (
        <button type="button" className="link-button" onClick={() => setLimit(ISSUES_MAX)}>
          Show up to {Math.min(ISSUES_MAX, rows.length + hidden)} problems
        </button>
      )}
    </div>
  );
}
