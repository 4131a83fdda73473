// Tests for the app shell: header, navigation between pages and the not-found page.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from './test/fixtures';
import { jsonResponse, mockFetch, renderRoute } from './test/render';

const report = {
  status: 'degraded',
  version: '0.1.0',
  checks: {
    database: { status: 'up', latencyMs: 1 },
    redis: { status: 'up', latencyMs: 1 },
    worker: { status: 'down' },
  },
};

describe('app shell', () => {
  it('shows the overview with a health summary and navigates to the status page', async () => {
    mockFetch(() => jsonResponse(report, 503));
    renderRoute('/', { session: makeMe() });
    expect(screen.getByRole('link', { name: 'Workload Tracker' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    expect(await screen.findByTestId('overview-status')).toHaveTextContent('Degraded');
    expect(screen.getByText('2 of 3 components up')).toBeInTheDocument();

    const nav = screen.getByRole('navigation', { name: 'Main' });
    await userEvent.click(screen.getByRole('link', { name: 'System status' }));
    expect(screen.getByRole('heading', { level: 1, name: 'System status' })).toBeInTheDocument();
    expect(nav.querySelector('[aria-current="page"]')).toHaveTextContent('System status');
  });

  it('shows a not-found page for unknown paths', () => {
    mockFetch(() => jsonResponse(report));
    renderRoute('/no/such/page');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the overview' })).toHaveAttribute('href', '/');
  });
});
