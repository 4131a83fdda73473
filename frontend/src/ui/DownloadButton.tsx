// A button that downloads a file from the API (fetched with the session's token, then
// saved by the browser), saying "Preparing…" meanwhile and, when it fails, why in words
// beside it. Styled as a link where it sits in running text.
import { useMutation } from '@tanstack/react-query';
import type { DownloadedFile } from '../api/request';
import { errorMessage } from './errorMessage';
import { saveFile } from './saveFile';

interface Props {
  label: string;
  fetchFile: () => Promise<DownloadedFile>;
  /** The name to save under when the server gives none. */
  fallbackName: string;
  /** Looks like a link (in running text) rather than a button. */
  asLink?: boolean;
}

export function DownloadButton({ label, fetchFile, fallbackName, asLink = false }: Props) {
  const download = useMutation({
    mutationFn: fetchFile,
    onSuccess: (file) => saveFile(file, fallbackName),
  });
  return (
    <span className="download">
      <button
        type="button"
        className={asLink ? 'link-button' : 'button button--quiet button--small'}
        disabled={download.isPending}
        onClick={() => download.mutate()}
      >
        {download.isPending ? 'Preparing…' : label}
      </button>
      {download.error && (
        <span className="download__error field__error" role="alert">
          The download did not work: {errorMessage(download.error)}
        </span>
      )}
    </span>
  );
}
