// The scope-keeping links alone in a router: a target gets the current department/sub
// whether it is a plain path, has its own query (and hash) or is an object, a target
// naming its own department is left alone, nothing is added without a scope, and the
// programmatic navigate and the redirect carry it too.
import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { commitNow } from '../../test/render';
import { ScopedLink, ScopedNavigate, useScopedNavigate } from './ScopedLink';

function renderAt(path: string) {
  let navigate: ReturnType<typeof useScopedNavigate> | undefined;
  function Links() {
    navigate = useScopedNavigate();
    return (
      <>
        <ScopedLink to="/projects">Plain</ScopedLink>
        <ScopedLink to="/planning?start=2026-11-22#week">Own query</ScopedLink>
        <ScopedLink to={{ pathname: '/people', search: '?q=ann' }}>Object</ScopedLink>
        <ScopedLink to="/people?department=5">Own department</ScopedLink>
      </>
    );
  }
  const router = createMemoryRouter(
    [
      { path: '/redirect', element: <ScopedNavigate to="/people" replace /> },
      { path: '*', element: <Links /> },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} flushSync={commitNow} />);
  return { router, navigate: () => navigate! };
}

const href = (name: string) => screen.getByRole('link', { name }).getAttribute('href');

describe('ScopedLink', () => {
  it('adds the current scope to a plain path, one with its own query, and an object target', () => {
    renderAt('/people?q=bob&department=2&sub=0&page=3');
    expect(href('Plain')).toBe('/projects?department=2&sub=0');
    expect(href('Own query')).toBe('/planning?start=2026-11-22&department=2&sub=0#week');
    expect(href('Object')).toBe('/people?q=ann&department=2&sub=0');
  });

  it('leaves a target that names its own department alone', () => {
    renderAt('/people?department=2&sub=0');
    expect(href('Own department')).toBe('/people?department=5');
  });

  it('adds nothing when no scope is set', () => {
    renderAt('/people?q=bob');
    expect(href('Plain')).toBe('/projects');
    expect(href('Own query')).toBe('/planning?start=2026-11-22#week');
  });

  it('keeps the scope when code navigates', async () => {
    const { router, navigate } = renderAt('/people?department=2');
    await act(() => navigate()('/projects/7'));
    expect(router.state.location.pathname).toBe('/projects/7');
    expect(router.state.location.search).toBe('?department=2&sub=1');
  });

  it('keeps the scope through a redirect', () => {
    const { router } = renderAt('/redirect?department=2&sub=0');
    expect(router.state.location.pathname).toBe('/people');
    expect(router.state.location.search).toBe('?department=2&sub=0');
  });
});
