// Database backups (admins): the archives, a backup queued as a job, an archive's
// download, deleting one, and a restore (started with the archive's name typed again)
// with its status. Typed from the generated OpenAPI schema.
import { apiFetch } from './client';
import type { QueuedJob } from './jobs';
import type { DownloadedFile } from './request';
import type { components } from './schema';

type Schemas = components['schemas'];

export type Backup = Schemas['BackupView'];
export type BackupList = Schemas['BackupList'];
export type RestoreStatus = Schemas['RestoreStatus'];

export function fetchBackups(signal?: AbortSignal): Promise<BackupList> {
  return apiFetch<BackupList>('/backups', signal ? { signal } : {});
}

export function fetchRestoreStatus(signal?: AbortSignal): Promise<RestoreStatus> {
  return apiFetch<RestoreStatus>('/backups/restore', signal ? { signal } : {});
}

export function startBackup(): Promise<QueuedJob> {
  return apiFetch<QueuedJob>('/backups', { method: 'POST' });
}

export function downloadBackup(id: string): Promise<DownloadedFile> {
  return apiFetch<DownloadedFile>(`/backups/${encodeURIComponent(id)}/download`, { responseType: 'file' });
}

export function deleteBackup(id: string): Promise<void> {
  return apiFetch<void>(`/backups/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Starts a restore of `id`; `confirm` must be the same name, typed by the admin. */
export function startRestore(id: string, confirm: string): Promise<RestoreStatus> {
  return apiFetch<RestoreStatus>(`/backups/${encodeURIComponent(id)}/restore`, { method: 'POST', json: { confirm } });
}
