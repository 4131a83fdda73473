// Hands a downloaded file to the browser to save: a temporary object URL behind an
// <a download> that is clicked once and removed. API downloads need the bearer token,
// so they are fetched by the API wrapper first rather than linked to directly.
import type { DownloadedFile } from '../api/request';

/** How long the object URL outlives the click (the browser reads it when the save starts). */
const REVOKE_AFTER_MS = 60_000;

export function saveFile(file: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName ?? fallbackName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
