// Tests for /my-work: the signed-in user's weeks in bands, projects, next deliverables
// and alerts; and the message for an account not linked to a person.
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { serveAnalytics } from '../features/analytics/testData';
import { makeMe, problem } from '../test/fixtures';
import { renderRoute } from '../test/render';

vi.mock('../shared/charts/EChart', () => import('../shared/charts/chartMock'));

describe('my work', () => {
  it('shows my weeks, projects, deliverables and alerts', async () => {
    serveAnalytics();
    renderRoute('/my-work', { session: makeMe({ person: 1 }) });
    expect(await screen.findByRole('heading', { name: 'My work: Ann Archer', level: 1 })).toBeInTheDocument();

    const weeks = within(screen.getByRole('list', { name: 'My utilization, 12 weeks' })).getAllByRole('listitem');
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toHaveTextContent(/75%● Optimal27 \/ 36 h$/);
    expect(weeks[1]).toHaveTextContent(/125%⚠\uFE0E Over-allocated45 \/ 36 h$/);
    expect(weeks[1]).toHaveClass('band-edge--over_allocated');

    const projects = screen.getByRole('region', { name: 'My projects' });
    expect(within(projects).getByRole('link', { name: 'Bridge' })).toHaveAttribute('href', '/projects/4');
    expect(within(projects).getByRole('row', { name: /^Bridge active 120 30 30 30 30/ })).toBeInTheDocument();

    const deliverables = screen.getByRole('region', { name: 'My next deliverables' });
    expect(deliverables).toHaveTextContent('Design review');

    const alerts = screen.getByRole('region', { name: 'Alerts' });
    expect(within(alerts).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '⚠\uFE0E Over-allocated: You are over capacity in the week of this test: 45 of 36 hours.',
      '◆ Deliverable soon: Bridge: Design review is due soon.',
    ]);
  });

  it('says so when the account is not linked to a person', async () => {
    serveAnalytics((url) =>
      url.pathname === '/api/me/work' ? problem(404, 'no_linked_person', 'Your account is not linked to a person.') : undefined,
    );
    renderRoute('/my-work', { session: makeMe({ person: null }) });
    expect(await screen.findByRole('heading', { name: 'Your account is not linked to a person' })).toBeInTheDocument();
    expect(screen.getByText(/Ask an administrator to link your account/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'My work' })).not.toBeInTheDocument();
  });
});
