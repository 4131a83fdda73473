// Tests for the Backups tab: the list with size, date and verified state; a backup
// queued; a delete confirmed; a restore that needs the name typed, refused by the server
// in words, then started; and the restore status in a sentence.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Backup, RestoreStatus } from '../../api/backups';
import { makeMe, problem } from '../../test/fixtures';
import { fetchCalls, jsonResponse, mockFetch, renderRoute } from '../../test/render';
import { restoreSentence, triggerLabel } from './backupWords';

const admin = makeMe({ id: 1, username: 'alice', role: 'admin' });

function makeBackup(overrides: Partial<Backup> & Pick<Backup, 'id'>): Backup {
  return {
    takenAt: '2026-12-07T02:00:00Z',
    fileName: `${overrides.id}.dump`,
    bytes: 2_621_440,
    verified: true,
    trigger: 'schedule',
    sha256: 'ab'.repeat(32),
    schemaVersion: 20261207000020,
    appVersion: '0.1.0',
    durationMs: 900,
    tables: 23,
    ...overrides,
  };
}

const nightly = makeBackup({ id: 'wt-20261207T020000000Z' });
const broken = makeBackup({ id: 'wt-20261206T020000000Z', verified: false, trigger: null, takenAt: '2026-12-06T02:00:00Z' });
const idle: RestoreStatus = { running: false, message: null, since: null, last: null };

function serve(handle: (url: string, init: RequestInit) => Response | undefined = () => undefined) {
  return mockFetch((url, init) => {
    const handled = handle(url, init);
    if (handled) return handled;
    if (url === '/api/backups/restore') return jsonResponse(idle);
    return jsonResponse({ items: [nightly, broken] });
  });
}

describe('backups tab', () => {
  it('lists backups with their size, date, origin and verified state', async () => {
    serve();
    renderRoute('/admin/backups', { session: admin });
    const row = await screen.findByTestId(`backup-${nightly.id}`);
    expect(within(row).getByText('2.5 MB')).toBeInTheDocument();
    expect(within(row).getByText('Nightly')).toBeInTheDocument();
    expect(within(row).getByText('Verified')).toBeInTheDocument();
    const unverified = screen.getByTestId(`backup-${broken.id}`);
    expect(within(unverified).getByText('Not verified')).toBeInTheDocument();
    expect(within(unverified).getByRole('button', { name: 'Restore…' })).toBeDisabled();
    expect(screen.getByRole('link', { name: 'Backups' })).toHaveAttribute('aria-current', 'page');
  });

  it('queues a backup and deletes one after confirming', async () => {
    const fetchMock = serve((url, init) => {
      if (init.method === 'POST' && url === '/api/backups') return jsonResponse({ jobId: 41, state: 'queued', statusUrl: '/api/jobs/41' }, 202);
      if (init.method === 'DELETE') return new Response(null, { status: 204 });
      return undefined;
    });
    const user = userEvent.setup();
    renderRoute('/admin/backups', { session: admin });
    await user.click(await screen.findByRole('button', { name: 'Back up now' }));
    expect(await screen.findByText(/Backup queued as job #41/)).toBeInTheDocument();

    const row = screen.getByTestId(`backup-${broken.id}`);
    await user.click(within(row).getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog', { name: `Delete ${broken.id}?` });
    await user.click(within(dialog).getByRole('button', { name: 'Delete the backup' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const deleted = fetchCalls(fetchMock).find(([, init]) => init.method === 'DELETE');
    expect(deleted?.[0]).toBe(`/api/backups/${broken.id}`);
  });

  it('restores only after the name is typed, and shows a refusal in words', async () => {
    let refuse = true;
    const fetchMock = serve((url, init) => {
      if (init.method !== 'POST' || !url.endsWith('/restore')) return undefined;
      if (refuse) {
        refuse = false;
        return problem(422, 'backup_corrupt', 'The archive is not a verified backup of this app: its contents differ.');
      }
      return jsonResponse({ running: true, message: 'A database restore is running.', since: '2026-12-07T08:00:00Z', last: null }, 202);
    });
    const user = userEvent.setup();
    renderRoute('/admin/backups', { session: admin });
    const row = await screen.findByTestId(`backup-${nightly.id}`);
    await user.click(within(row).getByRole('button', { name: 'Restore…' }));
    const dialog = await screen.findByRole('dialog', { name: `Restore ${nightly.id}?` });
    const go = within(dialog).getByRole('button', { name: 'Restore this backup' });
    expect(go).toBeDisabled();
    await user.type(within(dialog).getByLabelText(`Type ${nightly.id} to confirm`), nightly.id);
    expect(go).toBeEnabled();

    await user.click(go);
    expect(await within(dialog).findByText(/its contents differ/)).toBeInTheDocument();
    await user.click(go);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const restores = fetchCalls(fetchMock).filter(([url, init]) => init.method === 'POST' && url.endsWith('/restore'));
    expect(restores).toHaveLength(2);
    expect(restores[1]?.[0]).toBe(`/api/backups/${nightly.id}/restore`);
    expect(JSON.parse(restores[1]?.[1].body as string)).toEqual({ confirm: nightly.id });
  });
});

describe('backup words', () => {
  it('says what started a backup and how the latest restore went', () => {
    expect(triggerLabel({ trigger: 'pre_restore' })).toBe('Before a restore');
    expect(triggerLabel({ trigger: null })).toBe('—');
    expect(restoreSentence(idle)).toBeNull();
    expect(restoreSentence({ ...idle, running: true, message: 'Read-only for now.' })).toBe('Read-only for now.');
    const last = {
      archive: nightly.id,
      succeeded: false,
      startedAt: '2026-12-07T08:00:00Z',
      finishedAt: '2026-12-07T08:01:00Z',
      message: 'The disk is full.',
      code: 'backup_disk_full',
      previousDatabase: null,
      safetyBackup: null,
    };
    expect(restoreSentence({ ...idle, last })).toMatch(/^The restore of wt-20261207T020000000Z failed on .*: The disk is full\.$/);
    const done = { ...last, succeeded: true, previousDatabase: 'wt_pre_restore_20261207080000', code: null };
    expect(restoreSentence({ ...idle, last: done })).toMatch(/kept as wt_pre_restore_20261207080000\.$/);
  });
});
