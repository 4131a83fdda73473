// /forecast: capacity against demand over a window of weeks in the department scope:
// the team week by week, each role, and each department with its sub-departments.
// Loaded on demand (routes.tsx), like the other chart pages.
import { CapacityChart } from '../features/analytics/CapacityChart';
import { HorizonSelect } from '../features/analytics/HorizonSelect';
import { PanelStatus } from '../ui/PanelStatus';
import { useDepartmentRollup, useWorkloadForecast } from '../features/analytics/queries';
import { useAnalyticsWindow } from '../features/analytics/useAnalyticsWindow';
import { DepartmentRollupTable } from '../features/forecast/DepartmentRollupTable';
import { RoleDemandChart } from '../features/forecast/RoleDemandChart';
import { BandLegend } from '../shared/utilization/BandLegend';
import '../features/analytics/analytics.css';

export function ForecastPage() {
  const { window, setWeeks } = useAnalyticsWindow();
  const forecast = useWorkloadForecast(window);
  const rollup = useDepartmentRollup(window);
  return (
    <>
      <title>Forecast · Workload Tracker</title>
      <h1>Forecast</h1>
      <HorizonSelect start={window.start} weeks={window.weeks} onChange={setWeeks} />
      <BandLegend />
      {forecast.data ? (
        <div className="analytics-grid">
          <CapacityChart title="Team capacity vs demand" weeks={forecast.data.weeks} />
          <RoleDemandChart roles={forecast.data.byRole} weekKeys={forecast.data.weekKeys} />
        </div>
      ) : (
        <PanelStatus error={forecast.error} loading="Loading the forecast…" />
      )}
      {rollup.data ? <DepartmentRollupTable rollup={rollup.data} /> : <PanelStatus error={rollup.error} loading="Loading the departments…" />}
    </>
  );
}
