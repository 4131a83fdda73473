// Tests for /departments: the tree from the URL, the global filter's department opened,
// keyboard opening, saving with If-Match, a 412 reload, a refused delete in words, and
// read-only for people without write rights.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Department } from '../api/departments';
import { listPage, makeDepartment, makeMe, problem } from '../test/fixtures';
import { fetchCalls, jsonResponse, mockFetch, renderRoute } from '../test/render';

const manager = makeMe({ role: 'manager' });
const engineering = makeDepartment({ id: 1, name: 'Engineering', version: 3 });
const civil = makeDepartment({ id: 2, name: 'Civil', parentDepartment: 1, description: 'Roads and bridges' });
const finance = makeDepartment({ id: 3, name: 'Finance' });

/** Answers the list with `list()` (re-read on each call) and writes with `write`. */
function serve(list: () => Department[], write: (url: string, init: RequestInit) => Response = () => jsonResponse({})) {
  return mockFetch((url, init) => (init.method ? write(url, init) : jsonResponse(listPage(list()))));
}

const writes = (fetchMock: ReturnType<typeof mockFetch>) => fetchCalls(fetchMock).filter(([, init]) => init.method);

describe('departments page', () => {
  it('shows the tree filtered by the URL, with ancestors of matches and the open department', async () => {
    serve(() => [engineering, civil, finance]);
    renderRoute('/departments?selected=2&q=civ', { session: manager });
    const tree = await screen.findByRole('tree', { name: 'Departments' });
    const items = within(tree).getAllByRole('treeitem');
    expect(items.map((item) => item.getAttribute('aria-level'))).toEqual(['1', '2']);
    expect(within(items[0]!).getByRole('group')).toContainElement(items[1]!);
    expect(screen.queryByRole('treeitem', { name: 'Finance' })).not.toBeInTheDocument();
    expect(screen.getByRole('treeitem', { name: 'Civil' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('searchbox', { name: 'Search departments' })).toHaveValue('civ');
    expect(screen.getByLabelText('Description')).toHaveValue('Roads and bridges');
  });

  it('opens a department with the keyboard and saves only what changed, with If-Match', async () => {
    const fetchMock = serve(
      () => [engineering, civil],
      () => jsonResponse({ ...engineering, name: 'Engineering & Design', version: 4 }),
    );
    const { router } = renderRoute('/departments', { session: manager });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('treeitem', { name: 'Civil' }));
    await user.keyboard('{ArrowUp}{Enter}');
    expect(router.state.location.search).toBe('?selected=1');
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Engineering & Design');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Saved Engineering & Design.')).toBeInTheDocument();
    const [[url, init]] = writes(fetchMock) as [[string, RequestInit]];
    expect([url, init.method]).toEqual(['/api/departments/1', 'PATCH']);
    expect(new Headers(init.headers).get('If-Match')).toBe('"3"');
    expect(JSON.parse(init.body as string)).toEqual({ name: 'Engineering & Design' });
  });

  it('opens the department of the global filter and keeps the filter while browsing', async () => {
    serve(() => [engineering, civil, finance]);
    const { router } = renderRoute('/departments?department=2', { session: manager });
    expect(await screen.findByRole('treeitem', { name: 'Civil' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByLabelText('Description')).toHaveValue('Roads and bridges');
    const user = userEvent.setup();
    await user.click(screen.getByRole('treeitem', { name: 'Finance' }));
    expect(router.state.location.search).toBe('?department=2&sub=1&selected=3');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Showing' }), '1');
    expect(router.state.location.search).toBe('?department=1&sub=1');
    expect(screen.getByRole('treeitem', { name: 'Engineering' })).toHaveAttribute('aria-selected', 'true');
  });

  it('offers only departments outside the open one as its parent', async () => {
    serve(() => [engineering, civil, finance]);
    renderRoute('/departments?selected=1', { session: manager });
    const parent = await screen.findByRole('combobox', { name: 'Parent department' });
    expect(within(parent).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'None (top level)',
      'Finance',
    ]);
  });

  it('says someone changed it meanwhile and reloads the newer version', async () => {
    let current = civil;
    serve(
      () => [engineering, current],
      () => {
        current = { ...civil, description: 'Their change', version: 2 };
        return problem(412, 'precondition_failed', 'Someone changed this meanwhile. Reload to see their change, then try again.');
      },
    );
    renderRoute('/departments?selected=2', { session: manager });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Description'), ' and tunnels');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Someone changed this meanwhile\. Their version is shown now/);
    await waitFor(() => expect(screen.getByLabelText('Description')).toHaveValue('Their change'));
  });

  it('explains in words why a department in use cannot be deleted', async () => {
    const fetchMock = serve(
      () => [engineering, civil],
      () => problem(409, 'department_in_use', 'This department still has people or sub-departments. Move them, or deactivate it.'),
    );
    renderRoute('/departments?selected=1', { session: manager });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Engineering?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete department' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This department still has people or sub-departments. Move them, or deactivate it.',
    );
    expect(within(dialog).getByRole('button', { name: 'Deactivate instead' })).toBeInTheDocument();
    const [[url, init]] = writes(fetchMock) as [[string, RequestInit]];
    expect([url, init.method, new Headers(init.headers).get('If-Match')]).toEqual(['/api/departments/1', 'DELETE', '"3"']);
  });

  it('creates a department under the open one', async () => {
    const bridges = makeDepartment({ id: 9, name: 'Bridges', parentDepartment: 2 });
    const list = [engineering, civil];
    const fetchMock = serve(
      () => list,
      () => {
        list.push(bridges);
        return jsonResponse(bridges, 201);
      },
    );
    const { router } = renderRoute('/departments?selected=2', { session: manager });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New department' }));
    const dialog = screen.getByRole('dialog', { name: 'New department' });
    expect(within(dialog).getByRole('combobox', { name: 'Parent department' })).toHaveValue('2');
    await user.type(within(dialog).getByLabelText('Name'), 'Bridges');
    await user.click(within(dialog).getByRole('button', { name: 'Create department' }));
    expect(await screen.findByRole('treeitem', { name: 'Bridges' })).toHaveAttribute('aria-level', '3');
    expect(router.state.location.search).toBe('?selected=9');
    const [[, init]] = writes(fetchMock) as [[string, RequestInit]];
    expect(JSON.parse(init.body as string)).toEqual({ name: 'Bridges', description: '', parentDepartment: 2 });
  });

  it('shows people without write rights the details but no way to change them', async () => {
    serve(() => [engineering, civil]);
    renderRoute('/departments?selected=2', { session: makeMe({ role: 'user' }) });
    expect(await screen.findByRole('heading', { level: 2, name: 'Civil' })).toBeInTheDocument();
    expect(screen.getByText('Roads and bridges')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New department' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save|Delete/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('teaches what to do when there are no departments yet', async () => {
    serve(() => []);
    renderRoute('/departments', { session: manager });
    expect(await screen.findByText(/No departments yet\. Start with the top-level ones/)).toBeInTheDocument();
  });
});
