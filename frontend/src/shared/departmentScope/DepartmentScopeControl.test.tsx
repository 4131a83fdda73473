// The header's department filter on a real page: the tree indented after "All
// departments" (fetched on pages that lack it only once approached), the scope read from
// the URL and written back as history steps that the page's request follows, the
// "Filtered" chip and its clear button, and side-nav links that carry the scope.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { listPage, makeDepartment, makeMe } from '../../test/fixtures';
import { fetchCalls, jsonResponse, renderRoute } from '../../test/render';
import { makePerson, serveApi } from '../../test/peopleData';

const departments = [
  makeDepartment({ id: 1, name: 'Engineering' }),
  makeDepartment({ id: 2, name: 'Civil', parentDepartment: 1 }),
  makeDepartment({ id: 3, name: 'Finance', isActive: false }),
];

function serve() {
  return serveApi((url) => {
    if (url.pathname === '/api/departments') return jsonResponse(listPage(departments));
    if (url.pathname === '/api/people/choices') return jsonResponse({ departments, roles: [] });
    if (url.pathname === '/api/people') return jsonResponse(listPage([makePerson({ id: 1, name: 'Ann Archer' })], 500));
    return undefined;
  });
}

const picker = () => screen.getByRole('combobox', { name: 'Showing' });
const subDepartments = () => screen.getByRole('checkbox', { name: 'Include sub-departments' });
const peopleRequests = (fetchMock: ReturnType<typeof serve>) =>
  fetchCalls(fetchMock).map(([url]) => url).filter((url) => url.startsWith('/api/people?'));

describe('department filter', () => {
  it('offers the tree, indented, after "All departments"', async () => {
    serve();
    renderRoute('/people', { session: makeMe() });
    await screen.findByRole('option', { name: /Civil/ });
    const options = within(picker()).getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['All departments', 'Engineering', '\u00a0\u00a0\u00a0Civil', 'Finance (inactive)']);
    expect(picker()).toHaveValue('');
    expect(subDepartments()).toBeDisabled();
    expect(screen.queryByText(/Filtered:/)).not.toBeInTheDocument();
  });

  it('adds no request to pages without departments until it is approached', async () => {
    const fetchMock = serveApi((url) => {
      if (url.pathname === '/api/departments') return jsonResponse(listPage(departments));
      if (url.pathname === '/api/roles') return jsonResponse(listPage([], 100));
      return undefined;
    });
    renderRoute('/roles', { session: makeMe() });
    await screen.findByRole('heading', { level: 1, name: 'Roles' });
    const departmentCalls = () => fetchCalls(fetchMock).filter(([url]) => url.startsWith('/api/departments'));
    expect(departmentCalls()).toEqual([]);
    picker().focus();
    expect(await within(picker()).findByRole('option', { name: /Civil/ })).toBeInTheDocument();
    expect(departmentCalls()).toHaveLength(1);
  });

  it('writes the scope to the URL as a history step and the page asks for it', async () => {
    const fetchMock = serve();
    const { router } = renderRoute('/people?q=ann&page=3', { session: makeMe() });
    const user = userEvent.setup();
    await screen.findByRole('option', { name: /Civil/ });
    await user.selectOptions(picker(), '1');
    expect(router.state.location.search).toBe('?q=ann&department=1&sub=1');
    expect(router.state.historyAction).toBe('PUSH');
    await waitFor(() => expect(peopleRequests(fetchMock).at(-1)).toContain('department=1&includeChildren=true'));
    expect(screen.getByText(/Filtered:/)).toHaveTextContent('Filtered: Engineering (and below)');

    await user.click(subDepartments());
    expect(router.state.location.search).toBe('?q=ann&department=1&sub=0');
    expect(screen.getByText(/Filtered:/)).toHaveTextContent('Filtered: Engineering (only)');
    await waitFor(() => expect(peopleRequests(fetchMock).at(-1)).toContain('department=1&includeChildren=false'));

    await user.click(screen.getByRole('button', { name: 'Clear department filter' }));
    expect(router.state.location.search).toBe('?q=ann');
    expect(screen.queryByText(/Filtered:/)).not.toBeInTheDocument();
    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).toBe('?q=ann&department=1&sub=0'));
  });

  it('is read from the URL and names a department it cannot find', async () => {
    serve();
    const { router } = renderRoute('/people?department=2', { session: makeMe() });
    expect(await screen.findByText(/Filtered:/)).toHaveTextContent('Filtered: Loading… (and below)');
    await waitFor(() => expect(screen.getByText(/Filtered:/)).toHaveTextContent('Filtered: Civil (and below)'));
    expect(picker()).toHaveValue('2');
    expect(subDepartments()).toBeChecked();

    await router.navigate('/people?department=99');
    await waitFor(() => expect(screen.getByText(/Filtered:/)).toHaveTextContent('Filtered: Department #99 (and below)'));
    expect(picker()).toHaveValue('99');
  });

  it('keeps the scope on every side-nav link and the home link', async () => {
    serve();
    const { router } = renderRoute('/people?department=2&sub=0&q=ann', { session: makeMe({ role: 'admin' }) });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    for (const name of ['Overview', 'Planning', 'People', 'Projects', 'Departments', 'Roles', 'Profile', 'Admin']) {
      expect(within(nav).getByRole('link', { name })).toHaveAttribute('href', expect.stringMatching(/\?department=2&sub=0$/));
    }
    expect(within(nav).getByRole('link', { name: 'People' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Workload Tracker' })).toHaveAttribute('href', '/?department=2&sub=0');

    await userEvent.setup().click(within(nav).getByRole('link', { name: 'Planning' }));
    expect(router.state.location.pathname).toBe('/planning');
    expect(router.state.location.search).toBe('?department=2&sub=0');
  });

  it('links without a scope when none is set', async () => {
    serve();
    renderRoute('/people', { session: makeMe() });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Projects' })).toHaveAttribute('href', '/projects');
  });

  it('is not offered to visitors who are not signed in', async () => {
    serve();
    renderRoute('/status?department=2');
    await screen.findByRole('navigation', { name: 'Main' });
    expect(screen.queryByRole('group', { name: 'Department filter' })).not.toBeInTheDocument();
  });
});
