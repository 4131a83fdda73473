// Tests for /people: the URL drives the request and the controls (and back), person
// links keep the department filter, header clicks toggle the sort, "New person" shows browser and server field errors, the bulk
// move sends the selection, and plain users get no write controls.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makePerson, serveApi } from '../test/peopleData';
import { listPage, makeDepartment, makeMe, makeRole, problem } from '../test/fixtures';
import { fetchCalls, jsonResponse, renderRoute } from '../test/render';

const manager = makeMe({ role: 'manager' });
const ann = makePerson({ id: 1, name: 'Ann Archer', departmentName: 'Civil', department: 2, roleName: 'Engineer' });
const bob = makePerson({ id: 2, name: 'Bob Baker', weeklyCapacity: 40, isActive: false });
const departments = [makeDepartment({ id: 1, name: 'Engineering' }), makeDepartment({ id: 2, name: 'Civil', parentDepartment: 1 })];

function servePeople(write?: (url: URL, init: RequestInit) => Response) {
  return serveApi((url, init) => {
    if (init.method && write) return write(url, init);
    if (url.pathname === '/api/people') return jsonResponse(listPage([ann, bob], 500));
    if (url.pathname === '/api/departments') return jsonResponse(listPage(departments));
    if (url.pathname === '/api/people/choices') return jsonResponse({ departments, roles: [makeRole({ id: 7, name: 'Engineer' })] });
    return undefined;
  });
}

const peopleCalls = (fetchMock: ReturnType<typeof servePeople>) =>
  fetchCalls(fetchMock).filter(([url, init]) => url.startsWith('/api/people?') && !init.method).map(([url]) => url);

describe('people page', () => {
  it('reads its filters and sort from the URL and writes changes back', async () => {
    const fetchMock = servePeople();
    const { router } = renderRoute('/people?q=ann&department=1&sub=1&role=7&active=true&sort=-department', { session: manager });
    expect(await screen.findByRole('link', { name: 'Ann Archer' })).toBeInTheDocument();
    expect(peopleCalls(fetchMock)[0]).toBe(
      '/api/people?page=1&pageSize=500&sort=-department&search=ann&department=1&includeChildren=true&role=7&active=true',
    );
    expect(screen.getByRole('searchbox', { name: 'Search people' })).toHaveValue('ann');
    // The department is the header's global filter, not a control of this page.
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Showing' })).toHaveValue('1'));
    expect(screen.queryByRole('combobox', { name: 'Department' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Include sub-departments' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Role' })).toHaveValue('7');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('true');
    expect(screen.getByRole('columnheader', { name: /Department/ })).toHaveAttribute('aria-sort', 'descending');

    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'false');
    expect(router.state.location.search).toBe('?q=ann&department=1&sub=1&role=7&active=false&sort=-department');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Showing' }), '');
    expect(router.state.location.search).toBe('?q=ann&role=7&active=false&sort=-department');
  });

  it('links each person with the department filter kept', async () => {
    servePeople();
    const { router } = renderRoute('/people?q=ann&department=2&sub=0&sort=-name', { session: manager });
    const link = await screen.findByRole('link', { name: 'Ann Archer' });
    expect(link).toHaveAttribute('href', '/people/1?department=2&sub=0');
    await userEvent.setup().click(link);
    expect(router.state.location.pathname).toBe('/people/1');
    expect(router.state.location.search).toBe('?department=2&sub=0');
  });

  it('toggles the sort when a column header is clicked', async () => {
    const fetchMock = servePeople();
    const { router } = renderRoute('/people', { session: manager });
    const user = userEvent.setup();
    const name = await screen.findByRole('columnheader', { name: /Name/ });
    expect(name).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(name).getByRole('button'));
    expect(router.state.location.search).toBe('?sort=-name');
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
    await user.click(within(screen.getByRole('columnheader', { name: /Capacity/ })).getByRole('button'));
    expect(router.state.location.search).toBe('?sort=weeklyCapacity');
    await user.click(within(screen.getByRole('columnheader', { name: /Capacity/ })).getByRole('button'));
    expect(router.state.location.search).toBe('?sort=-weeklyCapacity');
    await waitFor(() => expect(peopleCalls(fetchMock).at(-1)).toContain('sort=-weeklyCapacity'));
  });

  it('checks the capacity in the browser before sending anything', async () => {
    const fetchMock = servePeople();
    renderRoute('/people', { session: manager });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New person' }));
    const dialog = screen.getByRole('dialog', { name: 'New person' });
    const capacity = within(dialog).getByLabelText('Weekly capacity (hours)');
    await user.type(within(dialog).getByLabelText('Name'), 'Cy Cole');
    const cases: [string, string][] = [
      ['200', 'Capacity must be between 0 and 168 hours a week.'],
      ['37.125', 'Use at most two decimals, e.g. 37.25.'],
      ['lots', 'Enter the capacity as a number of hours, e.g. 37.5.'],
      ['', 'Enter the weekly capacity in hours, e.g. 36.'],
    ];
    for (const [typed, message] of cases) {
      await user.clear(capacity);
      if (typed) await user.type(capacity, typed);
      await user.click(within(dialog).getByRole('button', { name: 'Add person' }));
      expect(within(dialog).getByText(message)).toHaveClass('field__error');
      expect(capacity).toHaveAttribute('aria-invalid', 'true');
    }
    expect(fetchCalls(fetchMock).filter(([, init]) => init.method === 'POST')).toEqual([]);
  });

  it('shows a taken email next to the email field, then creates the person', async () => {
    let attempts = 0;
    const fetchMock = servePeople((url) => {
      if (url.pathname !== '/api/people') return jsonResponse({}, 404);
      attempts += 1;
      if (attempts === 1) {
        return problem(409, 'email_taken', 'Another person has this email.', {
          errors: [{ field: 'email', code: 'email_taken', message: 'Another person has this email.' }],
        });
      }
      return jsonResponse(makePerson({ id: 9, name: 'Cy Cole' }), 201);
    });
    const { router } = renderRoute('/people?department=2', { session: manager });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New person' }));
    const dialog = screen.getByRole('dialog', { name: 'New person' });
    await user.type(within(dialog).getByLabelText('Name'), 'Cy Cole');
    await user.type(within(dialog).getByLabelText('Email'), 'ann@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Add person' }));
    expect(await within(dialog).findByText('Another person has this email.')).toHaveClass('field__error');
    expect(within(dialog).getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText('Email'));
    await user.type(within(dialog).getByLabelText('Email'), 'cy@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Add person' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/people/9'));
    expect(router.state.location.search).toBe('?department=2&sub=1');
    const posts = fetchCalls(fetchMock).filter(([, init]) => init.method === 'POST');
    expect(JSON.parse(posts[1]?.[1].body as string)).toEqual({
      name: 'Cy Cole',
      email: 'cy@example.com',
      weeklyCapacity: 36,
      department: 2,
    });
  });

  it('moves the selected people to another department in one request', async () => {
    const fetchMock = servePeople(() => jsonResponse({ updated: 2 }));
    renderRoute('/people', { session: manager });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Select Ann Archer' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob Baker' }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Move to department…' }));
    const dialog = screen.getByRole('dialog', { name: 'Move 2 people to a department' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'New department' }), '1');
    await user.click(within(dialog).getByRole('button', { name: 'Move 2 people' }));
    expect(await screen.findByText('Moved 2 people.')).toBeInTheDocument();
    const [[url, init]] = fetchCalls(fetchMock).filter(([, call]) => call.method === 'POST') as [[string, RequestInit]];
    expect(url).toBe('/api/people/bulk-department');
    expect(JSON.parse(init.body as string)).toEqual({ people: [1, 2], department: 1 });
    await waitFor(() => expect(screen.queryByText('2 selected')).not.toBeInTheDocument());
  });

  it('shows plain users the list without any way to change it', async () => {
    servePeople();
    renderRoute('/people', { session: makeMe({ role: 'user' }) });
    expect(await screen.findByRole('link', { name: 'Bob Baker' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New person' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /^Select/ })).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'People' })).toHaveAttribute('aria-current', 'page');
  });
});
