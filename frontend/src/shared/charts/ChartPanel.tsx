// A chart with its text alternatives: a titled panel holding the chart, a sentence that
// says what it shows, and a data table behind a toggle (built only when opened, since a
// heatmap's table can be large).
import { useId, useState, type ReactNode } from 'react';
import './charts.css';

interface Props {
  title: string;
  /** One or two sentences with the chart's main facts, shown under it. */
  summary: string;
  /** The chart's data as a table, built when the reader asks for it. */
  table: () => ReactNode;
  /** Controls beside the title (a sort, a filter). */
  actions?: ReactNode;
  children: ReactNode;
}

export function ChartPanel({ title, summary, table, actions, children }: Props) {
  const titleId = useId();
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <section className="card chart-panel" aria-labelledby={titleId}>
      <div className="chart-panel__head">
        <h2 id={titleId}>{title}</h2>
        {actions}
      </div>
      {children}
      <p className="chart-panel__summary">{summary}</p>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable((shown) => !shown)}
      >
        {showTable ? 'Hide data table' : 'Show data table'}
      </button>
      <div id={tableId} className="chart-panel__table">
        {showTable && table()}
      </div>
    </section>
  );
}
