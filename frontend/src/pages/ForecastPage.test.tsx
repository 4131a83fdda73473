// Tests for /forecast: team capacity against demand by week, demand by role and the
// department rollup, each with its text alternative, in the URL's window and scope.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { serveAnalytics } from '../features/analytics/testData';
import { currentWeek } from '../ui/weeks';
import { makeMe } from '../test/fixtures';
import { fetchCalls, renderRoute } from '../test/render';

vi.mock('../shared/charts/EChart', () => import('../shared/charts/chartMock'));

const manager = makeMe({ role: 'manager' });

describe('forecast', () => {
  it('shows capacity against demand by week and by role, with summaries and tables', async () => {
    serveAnalytics();
    renderRoute('/forecast?weeks=8', { session: manager });
    const user = userEvent.setup();

    const team = await screen.findByRole('region', { name: 'Team capacity vs demand' });
    expect(within(team).getByRole('img', { name: 'Team capacity vs demand chart' })).toBeInTheDocument();
    expect(team).toHaveTextContent('Over 8 weeks the team is busiest');
    await user.click(within(team).getByRole('button', { name: 'Show data table' }));
    expect(within(within(team).getByRole('table')).getAllByRole('row')).toHaveLength(9);

    const roles = screen.getByRole('region', { name: 'Demand by role' });
    expect(roles).toHaveTextContent('2 roles. The busiest is Engineer, peaking at 113%; 1 role goes over capacity in some week.');
    await user.click(within(roles).getByRole('button', { name: 'Show data table' }));
    expect(within(roles).getByRole('rowheader', { name: 'No role' })).toBeInTheDocument();
    expect(within(roles).getByRole('row', { name: /^Engineer 113% \(81\/72 h\)/ })).toBeInTheDocument();
  });

  it('rolls departments up with their sub-departments, each week in its band', async () => {
    serveAnalytics();
    renderRoute('/forecast', { session: manager });
    const rollup = await screen.findByRole('region', { name: 'Departments' });
    const [, civil, bridges] = within(rollup).getAllByRole('row');
    expect(civil).toHaveTextContent(/^Civil2113%113% ⚠\uFE0E Over-allocated/);
    expect(bridges).toHaveTextContent(/^Bridges150%50% ○ Available/);
  });

  it('asks for the department scope', async () => {
    const fetchMock = serveAnalytics();
    renderRoute('/forecast?department=2', { session: manager });
    await screen.findByRole('region', { name: 'Departments' });
    await waitFor(() => {
      const urls = fetchCalls(fetchMock).map(([url]) => url);
      expect(urls).toContain(`/api/departments/rollup?weeks=12&start=${currentWeek()}&department=2&includeChildren=true`);
      expect(urls).toContain(`/api/people/workload-forecast?weeks=12&start=${currentWeek()}&department=2&includeChildren=true`);
    });
  });
});
