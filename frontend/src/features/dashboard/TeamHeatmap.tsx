// The team heatmap: every person in scope x the window's weeks, coloured by band, with
// hover details; clicking a cell opens that person in the planning grid. People load a
// page at a time as the reader scrolls near the end of those loaded (or asks for more).
// The sort (most utilized first, or by name) lives in the URL.
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { AnalyticsWindow, HeatmapSort } from '../../api/analytics';
import { useUrlParams } from '../../routing/useUrlParams';
import { PanelStatus } from '../../ui/PanelStatus';
import { ChartPanel } from '../../shared/charts/ChartPanel';
import { EChart, type ZoomWindow } from '../../shared/charts/EChart';
import { useChartTheme } from '../../shared/charts/useChartTheme';
import { useUtilizationBands } from '../../shared/utilization/useUtilizationBands';
import { HeatmapTable, describeHeatmap } from './HeatmapTable';
import { heatmapHeight, heatmapOption, ROWS_SHOWN } from './heatmapOption';
import { planningHref } from '../../shared/links/planningLink';
import { useHeatmapRows } from './useHeatmapRows';

function readSort(query: URLSearchParams): HeatmapSort {
  return query.get('sort') === 'name' ? 'name' : 'utilization';
}

/** `query` with the heatmap's sort; the default (most utilized first) is left out. */
function withSort(query: URLSearchParams, sort: string): URLSearchParams {
  const next = new URLSearchParams(query);
  if (sort === 'name') next.set('sort', 'name');
  else next.delete('sort');
  return next;
}

export function TeamHeatmap({ window }: { window: AnalyticsWindow }) {
  const [query, setQuery] = useUrlParams();
  const sort = readSort(query);
  const { heatmap, error } = useHeatmapRows(window, sort);
  const bands = useUtilizationBands();
  const theme = useChartTheme();
  const navigate = useNavigate();
  const rows = heatmap?.rows;
  const weekKeys = heatmap?.weekKeys;
  const summary = heatmap ? describeHeatmap(heatmap.rows, heatmap.total, heatmap.weekKeys, bands) : '';
  const option = useMemo(
    () => (rows && weekKeys ? heatmapOption(rows, weekKeys, bands, theme, summary) : null),
    [rows, weekKeys, bands, theme, summary],
  );

  const sortControl = (
    <label className="analytics-toolbar__field">
      Sort
      <select
        className="select"
        value={sort}
        onChange={(event) => setQuery((latest) => withSort(latest, event.target.value))}
      >
        <option value="utilization">Most utilized first</option>
        <option value="name">By name</option>
      </select>
    </label>
  );

  if (!heatmap || !option) {
    return (
      <section className="card chart-panel" aria-label="Team heatmap">
        <h2>Team heatmap</h2>
        <PanelStatus error={error} loading="Loading the team heatmap…" />
      </section>
    );
  }
  const onZoom = ({ endValue }: ZoomWindow) => {
    if (endValue >= heatmap.rows.length - ROWS_SHOWN) heatmap.loadMore();
  };
  const openPerson = (value: unknown) => {
    const row = Array.isArray(value) ? heatmap.rows[value[1] as number] : undefined;
    if (row) void navigate(planningHref(row, window));
  };

  return (
    <ChartPanel
      title="Team heatmap"
      summary={summary}
      actions={sortControl}
      table={() => <HeatmapTable rows={heatmap.rows} weekKeys={heatmap.weekKeys} window={window} />}
    >
      {error ? <PanelStatus error={error} loading="" /> : null}
      <EChart
        key={`${JSON.stringify(window)}:${sort}`}
        option={option}
        label="Team heatmap, people by week"
        height={heatmapHeight(heatmap.rows.length)}
        onZoom={onZoom}
        onItemClick={openPerson}
      />
      <p className="chart-panel__more">
        <span className="muted">
          {heatmap.hasMore
            ? `${heatmap.rows.length} of ${heatmap.total} people loaded; scroll the chart for more.`
            : `All ${heatmap.total} people shown.`}
        </span>{' '}
        {heatmap.hasMore && (
          <button type="button" className="button button--quiet button--small" disabled={heatmap.loadingMore} onClick={heatmap.loadMore}>
            {heatmap.loadingMore ? 'Loading…' : 'Load more people'}
          </button>
        )}
      </p>
    </ChartPanel>
  );
}
