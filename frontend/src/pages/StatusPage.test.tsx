// Tests for the status page: up, degraded (503), unreachable and retry, from a mocked fetch.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HealthReport } from '../api/health';
import { jsonResponse, mockFetch, renderRoute } from '../test/render';

const allUp: HealthReport = {
  status: 'ok',
  version: '0.1.0',
  checks: {
    database: { status: 'up', latencyMs: 0.8 },
    redis: { status: 'up', latencyMs: 0.3 },
    worker: { status: 'up' },
  },
};

const workerDown: HealthReport = {
  status: 'degraded',
  version: '0.1.0',
  checks: {
    database: { status: 'up', latencyMs: 0.8 },
    redis: { status: 'up', latencyMs: 12.4 },
    worker: { status: 'down', detail: 'no worker heartbeat in the last 30 s' },
  },
};

describe('StatusPage', () => {
  it('shows a skeleton, then every check up', async () => {
    mockFetch(() => jsonResponse(allUp));
    renderRoute('/status');
    expect(screen.getByTestId('health-loading')).toBeInTheDocument();

    expect(await screen.findByTestId('overall-status')).toHaveTextContent('OK');
    for (const name of ['database', 'redis', 'worker']) {
      expect(screen.getByTestId(`check-${name}-status`)).toHaveTextContent(/^Up$/);
    }
    expect(within(screen.getByTestId('check-database')).getByText('0.8 ms')).toBeInTheDocument();
    expect(screen.getByTestId('server-version')).toHaveTextContent('0.1.0');
    expect(screen.getByTestId('last-checked')).toBeInTheDocument();
    expect(screen.queryByTestId('health-loading')).not.toBeInTheDocument();
  });

  it('treats a 503 as a report and shows which check is down', async () => {
    const fetchMock = mockFetch(() => jsonResponse(workerDown, 503));
    renderRoute('/status');

    expect(await screen.findByTestId('overall-status')).toHaveTextContent('Degraded');
    expect(screen.getByTestId('check-worker-status')).toHaveTextContent(/^Down$/);
    expect(screen.getByTestId('check-database-status')).toHaveTextContent(/^Up$/);
    expect(
      within(screen.getByTestId('check-worker')).getByText('no worker heartbeat in the last 30 s'),
    ).toBeInTheDocument();
    expect(within(screen.getByTestId('check-redis')).getByText('12 ms')).toBeInTheDocument();
    expect(screen.queryByTestId('health-error')).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('explains an unreachable server in words and retries on request', async () => {
    let reachable = false;
    mockFetch(() => {
      if (!reachable) throw new TypeError('Failed to fetch');
      return jsonResponse(allUp);
    });
    renderRoute('/status');

    const card = await screen.findByRole('alert', {}, { timeout: 4000 });
    expect(card).toHaveTextContent('Can’t reach the Workload Tracker server');
    expect(card).not.toHaveTextContent(/TypeError|503|\{/);

    reachable = true;
    await userEvent.click(within(card).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('overall-status')).toHaveTextContent('OK');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('treats a proxy 503 without a health body as unreachable', async () => {
    mockFetch(() => new Response('<html>503</html>', { status: 503, headers: { 'Content-Type': 'text/html' } }));
    renderRoute('/status');
    const card = await screen.findByTestId('health-error', {}, { timeout: 4000 });
    expect(card).toHaveTextContent('Can’t reach the Workload Tracker server');
  });
});
