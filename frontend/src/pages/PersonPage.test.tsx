// Tests for /people/:id: the profile saved with If-Match and a 412 reload, the 12-week
// utilization strip's band labels, the assignments table, read-only for plain users, and
// the page's requests (one overview; editors also read the field choices).
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Person } from '../api/people';
import { makeAssignment, makePerson, serveApi } from '../test/peopleData';
import { currentWeek, weekRange } from '../ui/weeks';
import { makeMe, problem } from '../test/fixtures';
import { fetchCalls, jsonResponse, renderRoute } from '../test/render';

const manager = makeMe({ role: 'manager' });
const ann = makePerson({ id: 1, name: 'Ann Archer', email: 'ann@example.com', department: 2, version: 3 });

/** Ann's next 12 weeks as the server bands them: 20, 30, 36 and 40 of 36 h, then none. */
const annWeeks = weekRange(currentWeek(), 12).map((week, index) => {
  const [allocated, band] = ([[20, 'available'], [30, 'optimal'], [36, 'high'], [40, 'over_allocated']] as const)[index] ?? [0, 'available'];
  return { week, allocated, capacity: 36, percent: (allocated / 36) * 100, band };
});

function servePerson(current: () => Person, write: (init: RequestInit) => Response = () => jsonResponse(current())) {
  return serveApi((url, init) => {
    if (url.pathname === '/api/people/1') return write(init);
    if (url.pathname === '/api/people/1/overview') {
      const bridge = makeAssignment({ id: 5, person: 1, project: 4, roleOnProject: 'Lead', weeklyHours: { [currentWeek()]: 12.5 } });
      return jsonResponse({ person: current(), weeks: annWeeks, assignments: [bridge], skills: [] });
    }
    if (url.pathname === '/api/people/choices') return jsonResponse({ departments: [], roles: [] });
    return undefined;
  });
}

describe('person page', () => {
  it('shows the next 12 weeks with a band label and marker per week', async () => {
    servePerson(() => ann);
    renderRoute('/people/1', { session: manager });
    const strip = await screen.findByRole('list', { name: 'Utilization, next 12 weeks' });
    const weeks = await within(strip).findAllByRole('listitem');
    expect(weeks).toHaveLength(12);
    expect(weeks.slice(0, 5).map((week) => week.textContent)).toEqual([
      expect.stringMatching(/56%○ Available20 \/ 36 h$/),
      expect.stringMatching(/83%● Optimal30 \/ 36 h$/),
      expect.stringMatching(/100%▲ High36 \/ 36 h$/),
      expect.stringMatching(/111%⚠\uFE0E Over-allocated40 \/ 36 h$/),
      expect.stringMatching(/0%○ Available0 \/ 36 h$/),
    ]);
    expect(weeks[3]).toHaveClass('band-edge--over_allocated');
    const assignments = screen.getByRole('table', { name: 'Assignments' });
    expect(within(assignments).getByRole('link', { name: 'Bridge' })).toHaveAttribute('href', '/projects/4');
    expect(within(assignments).getByRole('row', { name: 'Bridge Lead 12.5' })).toBeInTheDocument();
  });

  it('saves only what changed with If-Match, and after a 412 shows the newer version', async () => {
    let current = ann;
    const fetchMock = servePerson(
      () => current,
      () => {
        current = { ...ann, location: 'Their office', version: 4 };
        return problem(412, 'precondition_failed', 'Someone changed this meanwhile.');
      },
    );
    renderRoute('/people/1', { session: manager });
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Edit Ann Archer' });
    await user.type(within(form).getByLabelText('Location'), 'Leeds');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Someone changed this meanwhile\. Their version is shown now/);
    await waitFor(() => expect(screen.getByLabelText('Location')).toHaveValue('Their office'));
    const [[url, init]] = fetchCalls(fetchMock).filter(([, call]) => call.method === 'PATCH') as [[string, RequestInit]];
    expect(url).toBe('/api/people/1');
    expect(new Headers(init.headers).get('If-Match')).toBe('"3"');
    expect(JSON.parse(init.body as string)).toEqual({ location: 'Leeds' });
  });

  it('deactivates a person', async () => {
    let current = ann;
    const fetchMock = servePerson(
      () => current,
      () => {
        current = { ...ann, isActive: false, version: 4 };
        return jsonResponse(current);
      },
    );
    renderRoute('/people/1', { session: manager });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Deactivate' }));
    expect(await screen.findByText('Ann Archer is deactivated.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Reactivate' })).toBeInTheDocument();
    const [[, init]] = fetchCalls(fetchMock).filter(([, call]) => call.method === 'PATCH') as [[string, RequestInit]];
    expect(JSON.parse(init.body as string)).toEqual({ isActive: false });
  });

  it('shows plain users the profile read-only', async () => {
    servePerson(() => ann);
    renderRoute('/people/1', { session: makeMe({ role: 'user' }) });
    expect(await screen.findByRole('heading', { level: 1, name: /Ann Archer/ })).toBeInTheDocument();
    expect(screen.getByText('ann@example.com')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save|Deactivate/ })).not.toBeInTheDocument();
  });
  it('asks for the page in one request', async () => {
    const fetchMock = servePerson(() => ann);
    renderRoute('/people/1', { session: makeMe({ role: 'user' }) });
    await screen.findByRole('table', { name: 'Assignments' });
    expect(requestedPaths(fetchMock)).toEqual(['/api/people/1/overview']);
  });

  it('asks editors also for the field choices, and for the skill tags only when they add one', async () => {
    const fetchMock = servePerson(() => ann);
    renderRoute('/people/1', { session: manager });
    await screen.findByRole('table', { name: 'Assignments' });
    expect(requestedPaths(fetchMock).sort()).toEqual(['/api/people/1/overview', '/api/people/choices']);
    await userEvent.setup().click(screen.getByRole('combobox', { name: 'Add a skill' }));
    await waitFor(() => expect(requestedPaths(fetchMock)).toContain('/api/skills'));
  });
});

function requestedPaths(fetchMock: Parameters<typeof fetchCalls>[0]): string[] {
  return fetchCalls(fetchMock).map(([url]) => new URL(String(url), 'http://localhost').pathname);
}
