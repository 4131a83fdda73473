// /dashboard: the team at a glance over a window of weeks in the department scope:
// headline figures, people by band, capacity against allocated hours, who is over and who
// is free, and the people x weeks heatmap; every person links into the planning grid.
// Loaded on demand (routes.tsx), so the chart library stays out of the main bundle.
import { HorizonSelect } from '../features/analytics/HorizonSelect';
import { CapacityChart } from '../features/analytics/CapacityChart';
import { PanelStatus } from '../ui/PanelStatus';
import { useDashboard, useWorkloadForecast } from '../features/analytics/queries';
import { useAnalyticsWindow } from '../features/analytics/useAnalyticsWindow';
import { DistributionChart } from '../features/dashboard/DistributionChart';
import { MostAvailableList } from '../features/dashboard/MostAvailableList';
import { OverAllocatedList } from '../features/dashboard/OverAllocatedList';
import { SummaryCards } from '../features/dashboard/SummaryCards';
import { TeamHeatmap } from '../features/dashboard/TeamHeatmap';
import { BandLegend } from '../shared/utilization/BandLegend';
import '../features/analytics/analytics.css';

export function DashboardPage() {
  const { window, setWeeks } = useAnalyticsWindow();
  const dashboard = useDashboard(window);
  const forecast = useWorkloadForecast(window);
  const data = dashboard.data;
  return (
    <>
      <title>Dashboard · Workload Tracker</title>
      <h1>Dashboard</h1>
      <HorizonSelect start={window.start} weeks={window.weeks} onChange={setWeeks} />
      <BandLegend />
      {data ? (
        <>
          <SummaryCards summary={data.summary} window={window} />
          <div className="analytics-grid">
            <DistributionChart distribution={data.distribution} />
            {forecast.data ? (
              <CapacityChart title="Capacity vs allocated" weeks={forecast.data.weeks} />
            ) : (
              <PanelStatus error={forecast.error} loading="Loading the forecast…" />
            )}
            <OverAllocatedList people={data.overAllocated} window={window} />
            <MostAvailableList people={data.mostAvailable} window={window} />
          </div>
        </>
      ) : (
        <PanelStatus error={dashboard.error} loading="Loading the dashboard…" />
      )}
      <TeamHeatmap window={window} />
    </>
  );
}
