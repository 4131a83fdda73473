// Tests for /dashboard: the summary cards, the band distribution, forecast and heatmap
// panels with their text summaries and data tables, the people lists linking into the
// planning grid, and the horizon and department scope reaching every request.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeHeatmap, serveAnalytics } from '../features/analytics/testData';
import { drawn } from '../shared/charts/chartMock';
import { addWeeks, currentWeek, weekLabel, weekRange } from '../ui/weeks';
import { makeMe } from '../test/fixtures';
import { fetchCalls, jsonResponse, renderRoute } from '../test/render';

vi.mock('../shared/charts/EChart', () => import('../shared/charts/chartMock'));

const manager = makeMe({ role: 'manager' });
const THIS_WEEK = currentWeek();

describe('dashboard', () => {
  it('shows the summary, the people lists and a link from an over-allocated person to the planning grid', async () => {
    serveAnalytics();
    renderRoute('/dashboard', { session: manager });
    const summary = await screen.findByRole('region', { name: 'Summary' });
    expect(summary).toHaveTextContent('People3');
    expect(summary).toHaveTextContent('Average utilization88%');
    expect(summary).toHaveTextContent(`Peak utilization130%Ann Archer, week of ${weekLabel(addWeeks(THIS_WEEK, 1))}`);
    expect(summary).toHaveTextContent('Active assignments7');
    expect(summary).toHaveTextContent('Over-allocated1');

    const over = screen.getByRole('region', { name: /Over-allocated people/ });
    const ann = within(over).getByRole('link', { name: 'Ann Archer' });
    expect(ann).toHaveAttribute('href', `/planning?start=${THIS_WEEK}&weeks=12&q=Ann+Archer&open=1`);
    expect(over).toHaveTextContent('130% in the week of');
    expect(over).toHaveTextContent('2 weeks over');
    const available = screen.getByRole('region', { name: 'Available people' });
    expect(within(available).getByRole('link', { name: 'Cy Cole' })).toHaveAttribute('href', `/planning?start=${THIS_WEEK}&weeks=12&q=Cy+Cole&open=3`);
    expect(available).toHaveTextContent('300 h free');

    await userEvent.setup().click(ann);
    expect(await screen.findByRole('heading', { name: 'Planning', level: 1 })).toBeInTheDocument();
  });

  it('gives every chart a text summary and a data table', async () => {
    serveAnalytics();
    renderRoute('/dashboard', { session: manager });
    const user = userEvent.setup();

    const distribution = await screen.findByRole('region', { name: 'Utilization distribution' });
    expect(within(distribution).getByRole('img', { name: 'Utilization distribution chart' })).toBeInTheDocument();
    expect(distribution).toHaveTextContent(
      'People by average utilization: Available (under 70%): 1; Optimal (70% to under 85%): 0; High (85–100%): 1; Over-allocated (over 100%): 1.',
    );
    await user.click(within(distribution).getByRole('button', { name: 'Show data table' }));
    expect(within(distribution).getByRole('row', { name: 'Over-allocated (over 100%) 1' })).toBeInTheDocument();

    const capacity = await screen.findByRole('region', { name: 'Capacity vs allocated' });
    expect(capacity).toHaveTextContent(`busiest in the week of ${weekLabel(addWeeks(THIS_WEEK, 1))}: 120 of 108 hours (111%). 1 week is over capacity.`);
    await user.click(within(capacity).getByRole('button', { name: 'Show data table' }));
    const table = within(capacity).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(13);
    expect(table).toHaveTextContent('1: Ann Archer 130%');

    await screen.findByText('Utilization of 2 people over 12 weeks; 12 person-weeks are over-allocated.');
    const heatmap = screen.getByRole('region', { name: 'Team heatmap' });
    expect(heatmap).toHaveTextContent('All 2 people shown.');
    await user.click(within(heatmap).getByRole('button', { name: 'Show data table' }));
    const rows = within(within(heatmap).getByRole('table')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/Ann ArcherCivil36125%125% in the week of/);
    expect(within(rows[1]!).getByRole('link', { name: 'Ann Archer' })).toHaveAttribute('href', expect.stringContaining('open=1'));
  });

  it('draws the heatmap cells in band order with one colour per band', async () => {
    serveAnalytics();
    renderRoute('/dashboard', { session: manager });
    await screen.findByRole('img', { name: 'Team heatmap, people by week' });
    const option = drawn.get('Team heatmap, people by week');
    const series = (option?.series as { data: number[][] }[])[0];
    // Ann: 45 of 36 hours (over_allocated, index 3); Cy: 9 of 36 (available, index 0).
    expect(series?.data[0]).toEqual([0, 0, 125, 3]);
    expect(series?.data[12]).toEqual([0, 1, 25, 0]);
    expect(option?.aria).toMatchObject({ enabled: true });
  });

  it('asks every panel for the horizon and department scope in the URL', async () => {
    const fetchMock = serveAnalytics();
    renderRoute('/dashboard?department=2&sub=0', { session: manager });
    await screen.findByRole('region', { name: 'Team heatmap' });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Horizon'), '26');
    await waitFor(() => {
      const urls = fetchCalls(fetchMock).map(([url]) => url);
      for (const path of ['/api/dashboard', '/api/people/workload-forecast', '/api/people/capacity-heatmap']) {
        expect(urls).toContainEqual(expect.stringMatching(new RegExp(`^${path}\\?weeks=26&start=${THIS_WEEK}.*department=2&includeChildren=false`)));
      }
    });
    const heatmapCall = fetchCalls(fetchMock).find(([url]) => url.startsWith('/api/people/capacity-heatmap'));
    expect(heatmapCall?.[0]).toContain('offset=0&limit=200&sort=utilization');
  });

  it('loads the heatmap a page at a time', async () => {
    const fetchMock = serveAnalytics((url) => {
      if (url.pathname !== '/api/people/capacity-heatmap') return undefined;
      const page = makeHeatmap(weekRange(THIS_WEEK, 12), Number(url.searchParams.get('offset')), 200);
      return jsonResponse({ ...page, total: 4 });
    });
    renderRoute('/dashboard', { session: manager });
    await screen.findByText('2 of 4 people loaded; scroll the chart for more.');
    const heatmap = screen.getByRole('region', { name: 'Team heatmap' });
    await userEvent.setup().click(within(heatmap).getByRole('button', { name: 'Load more people' }));
    expect(await within(heatmap).findByText('All 4 people shown.')).toBeInTheDocument();
    const offsets = fetchCalls(fetchMock)
      .filter(([url]) => url.startsWith('/api/people/capacity-heatmap'))
      .map(([url]) => new URL(url, 'http://localhost').searchParams.get('offset'));
    expect(offsets).toEqual(['0', '2']);
    expect(within(heatmap).queryByRole('button', { name: 'Load more people' })).not.toBeInTheDocument();
  });
});
