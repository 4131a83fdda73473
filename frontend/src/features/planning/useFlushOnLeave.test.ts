// Leaving the page with edits in the save queue: small batches go out by keepalive on
// pagehide or when hidden, with the bearer token; too big a batch is not sent that way,
// and beforeunload asks the browser to confirm while anything is unsaved.
import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveHours } from '../../api/planning';
import { clearSession, storeTokens } from '../../auth/sessionStore';
import { makeMe } from '../../test/fixtures';
import { fetchCalls, jsonResponse, mockFetch } from '../../test/render';
import { SaveQueue } from './saveQueue';
import { useFlushOnLeave } from './useFlushOnLeave';

function setUp() {
  const fetchMock = mockFetch(() => jsonResponse({ results: [{ assignmentId: 7, version: 3 }] }));
  const queue = new SaveQueue({ send: saveHours, currentVersion: () => 2, onSaved: vi.fn(), onFailed: vi.fn() });
  renderHook(() => useFlushOnLeave(queue));
  return { fetchMock, queue };
}

function beforeUnload(): Event {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event;
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('useFlushOnLeave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    storeTokens({ access: 'access-1', accessExpiresAt: '2030-01-01T00:00:00Z', user: makeMe({ role: 'manager' }) });
  });
  afterEach(() => {
    vi.useRealTimers();
    setVisibility('visible');
    clearSession();
  });

  it('sends pending edits by keepalive with the bearer token on pagehide', async () => {
    const { fetchMock, queue } = setUp();
    queue.edit([{ assignmentId: 7, week: '2026-11-22', hours: 8 }]);
    expect(beforeUnload().defaultPrevented).toBe(true);
    window.dispatchEvent(new Event('pagehide'));
    const [[url, init]] = fetchCalls(fetchMock) as [[string, RequestInit]];
    expect(url).toBe('/api/assignments/hours');
    expect(init).toMatchObject({ method: 'PATCH', keepalive: true, credentials: 'same-origin' });
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer access-1');
    expect(JSON.parse(init.body as string)).toEqual({ updates: [{ assignmentId: 7, version: 2, weeklyHours: { '2026-11-22': 8 } }] });
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.hasUnsaved()).toBe(false);
    expect(beforeUnload().defaultPrevented).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('sends them when the page is hidden, and nothing when nothing waits', () => {
    const { fetchMock, queue } = setUp();
    setVisibility('hidden');
    expect(fetchMock).not.toHaveBeenCalled();
    setVisibility('visible');
    queue.edit([{ assignmentId: 7, week: '2026-11-22', hours: 8 }]);
    setVisibility('hidden');
    expect(fetchCalls(fetchMock)[0]?.[1]).toMatchObject({ keepalive: true });
  });

  it('asks before leaving instead when the batch is too big for keepalive', () => {
    const { fetchMock, queue } = setUp();
    queue.edit(Array.from({ length: 3000 }, (_, id) => ({ assignmentId: 100 + id, week: '2026-11-22', hours: 8 })));
    window.dispatchEvent(new Event('pagehide'));
    setVisibility('hidden');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(beforeUnload().defaultPrevented).toBe(true);
  });
});
