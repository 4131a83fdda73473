// The import form: what the file holds (people or projects, with the blank template of
// each), the file, the two options, and "Check file", which sends it as a dry run. The
// whole form rests while a check or an import runs; a refused upload (too large, not a
// form) says why under the button.
import type { FormEvent } from 'react';
import { IMPORT_KINDS, downloadTemplate, type ImportKind } from '../../api/imports';
import { DownloadButton } from '../../ui/DownloadButton';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage } from '../../ui/errorMessage';
import { FileDrop } from './FileDrop';
import { maySend } from './fileCheck';
import type { ImportParams } from '../../shared/links/importParams';

const KIND_WORDS: Record<ImportKind, { label: string; hint: string }> = {
  people: { label: 'People', hint: 'One person per row: name, email, weekly capacity, role, department…' },
  projects: { label: 'Projects', hint: 'A Projects sheet, with Assignments (or Hours) and Deliverables sheets if you have them.' },
};

interface Props {
  params: ImportParams;
  file: File | null;
  busy: boolean;
  sending: boolean;
  uploadError: unknown;
  onChange: (changes: Partial<Pick<ImportParams, 'kind' | 'updateExisting' | 'skipBadRows'>>) => void;
  onFile: (file: File) => void;
  onCheck: () => void;
}

export function ImportForm({ params, file, busy, sending, uploadError, onChange, onFile, onCheck }: Props) {
  const sendable = file !== null && maySend(file);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (sendable && !busy) onCheck();
  }

  return (
    <form className="card import-form" aria-label="Choose a file to import" onSubmit={submit}>
      <fieldset className="import-kinds" disabled={busy}>
        <legend>What the file holds</legend>
        {IMPORT_KINDS.map((kind) => (
          <label key={kind} className="import-kind">
            <input type="radio" name="import-kind" value={kind} checked={params.kind === kind} onChange={() => onChange({ kind })} />
            <span>
              <strong>{KIND_WORDS[kind].label}</strong>
              <span className="import-kind__hint muted">{KIND_WORDS[kind].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="import-template muted">
        Start from the blank template: the columns this import reads, and an Instructions sheet.{' '}
        <DownloadButton
          asLink
          label={`Download the ${params.kind} template`}
          fetchFile={() => downloadTemplate(params.kind)}
          fallbackName={`${params.kind}-template.xlsx`}
        />
      </p>
      <FileDrop file={file} disabled={busy} onFile={onFile} />
      <fieldset className="import-options" disabled={busy}>
        <legend>Options</legend>
        <label className="checkbox">
          <input type="checkbox" checked={params.updateExisting} onChange={(event) => onChange({ updateExisting: event.target.checked })} />
          Update existing rows
        </label>
        <p className="field__hint">Rows matching a stored {params.kind === 'people' ? 'person (by ID, email or name)' : 'project (by ID, number or name)'} update it; otherwise they are skipped.</p>
        <label className="checkbox">
          <input type="checkbox" checked={params.skipBadRows} onChange={(event) => onChange({ skipBadRows: event.target.checked })} />
          Skip bad rows
        </label>
        <p className="field__hint">Rows with errors are left out and the rest imported; otherwise one bad row keeps the whole file out.</p>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={!sendable || busy}>
          {sending ? 'Sending…' : 'Check file'}
        </button>
        <span className="muted">A check changes nothing: it shows what the import would do.</span>
      </div>
      {uploadError ? <FormAlert tone="error">{errorMessage(uploadError)}</FormAlert> : null}
    </form>
  );
}
