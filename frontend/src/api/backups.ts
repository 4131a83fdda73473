// Database backups (admins): the archives, a backup queued as a job, an archive's
// download, deleting one, and a restore (started with the archive's name typed again)
// with its status. Typed from the generated OpenAPI schema.
import { AS_FILE, api, read, readFile } from './http';
import type { StartedJob } from './jobs';
import type { DownloadedFile } from './request';
import type { components } from './schema';

type Schemas = components['schemas'];

export type Backup = Schemas['BackupView'];
export type BackupList = Schemas['BackupList'];
export type RestoreStatus = Schemas['RestoreStatus'];

export function fetchBackups(signal?: AbortSignal): Promise<BackupList> {
  return read(api.GET('/api/backups', { signal: signal ?? null }));
}

export function fetchRestoreStatus(signal?: AbortSignal): Promise<RestoreStatus> {
  return read(api.GET('/api/backups/restore', { signal: signal ?? null }));
}

export function startBackup(): Promise<StartedJob> {
  return read(api.POST('/api/backups'));
}

export function downloadBackup(id: string): Promise<DownloadedFile> {
  return readFile(api.GET('/api/backups/{id}/download', { params: { path: { id } }, ...AS_FILE }));
}

export function deleteBackup(id: string): Promise<void> {
  return read(api.DELETE('/api/backups/{id}', { params: { path: { id } } }));
}

/** Starts a restore of `id`; `confirm` must be the same name, typed by the admin. */
export function startRestore(id: string, confirm: string): Promise<RestoreStatus> {
  return read(api.POST('/api/backups/{id}/restore', { params: { path: { id } }, body: { confirm } }));
}
