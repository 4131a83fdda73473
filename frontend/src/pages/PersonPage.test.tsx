// Tests for /people/:id: the profile saved with If-Match and a 412 reload, the 12-week
// utilization strip's band labels, the assignments table, and read-only for plain users.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Person } from '../api/people';
import { makeAssignment, makePerson, serveApi } from '../test/peopleData';
import { currentWeek, weekRange } from '../ui/weeks';
import { listPage, makeMe, problem } from '../test/fixtures';
import { fetchCalls, jsonResponse, renderRoute } from '../test/render';

const manager = makeMe({ role: 'manager' });
const ann = makePerson({ id: 1, name: 'Ann Archer', email: 'ann@example.com', department: 2, version: 3 });

/** The grid answer for Ann: the given hours in her first four weeks. */
function gridFor(url: URL, hours: number[]) {
  const weekKeys = weekRange(url.searchParams.get('start') ?? '', Number(url.searchParams.get('weeks')));
  return jsonResponse({
    weekKeys,
    people: [{ id: 1, name: 'Ann Archer', weeklyCapacity: 36, department: 2, departmentName: 'Civil' }],
    hoursByPerson: { '1': Object.fromEntries(weekKeys.slice(0, hours.length).map((week, index) => [week, hours[index] ?? 0])) },
  });
}

function servePerson(current: () => Person, write: (init: RequestInit) => Response = () => jsonResponse(current())) {
  return serveApi((url, init) => {
    if (url.pathname === '/api/people/1') return init.method ? write(init) : jsonResponse(current());
    if (url.pathname === '/api/assignments/grid') return gridFor(url, [20, 30, 36, 40]);
    if (url.pathname === '/api/assignments') {
      const bridge = makeAssignment({ id: 5, person: 1, project: 4, roleOnProject: 'Lead', weeklyHours: { [currentWeek()]: 12.5 } });
      return jsonResponse(listPage([bridge], 500));
    }
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
});
