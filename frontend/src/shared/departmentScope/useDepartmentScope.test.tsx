// The scope hook alone in a router: it reads the current URL, and setScope changes only
// department/sub on the current page as a new history entry.
import { act, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { commitNow } from '../../test/render';
import { useDepartmentScope, useScopeSearch } from './useDepartmentScope';

function renderScope(path: string) {
  let state: { scope: ReturnType<typeof useDepartmentScope>; search: string } | undefined;
  function Probe() {
    state = { scope: useDepartmentScope(), search: useScopeSearch() };
    return null;
  }
  const router = createMemoryRouter([{ path: '*', element: <Probe /> }], { initialEntries: [path] });
  render(<RouterProvider router={router} flushSync={commitNow} />);
  return { router, current: () => state! };
}

describe('useDepartmentScope', () => {
  it('reads the scope and the search string links carry from the URL', () => {
    const { current } = renderScope('/planning?start=2026-11-22&department=4&sub=0');
    expect(current().scope).toMatchObject({ department: 4, includeChildren: false });
    expect(current().search).toBe('?department=4&sub=0');
  });

  it('changes only the scope, on the current page, as a history step', () => {
    const { router, current } = renderScope('/people?q=ann&page=2');
    act(() => current().scope.setScope({ department: 7 }));
    expect(router.state.location.pathname).toBe('/people');
    expect(router.state.location.search).toBe('?q=ann&department=7&sub=1');
    expect(router.state.historyAction).toBe('PUSH');
    act(() => current().scope.setScope({ includeChildren: false }));
    expect(router.state.location.search).toBe('?q=ann&department=7&sub=0');
    act(() => current().scope.setScope({ department: null }));
    expect(router.state.location.search).toBe('?q=ann');
    expect(current().scope).toMatchObject({ department: null, includeChildren: true });
  });
});
