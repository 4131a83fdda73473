// The file to import: a drop area around a real file input (click or Enter opens the
// picker; a file dragged onto the area is taken as if picked), the chosen file's name
// and size, and the browser's first look at it (checkFile): a hint only, the server
// checks the content and decides.
import { useId, useState, type DragEvent } from 'react';
import { ACCEPT, checkFile } from './fileCheck';
import { formatBytes } from '../../ui/formatBytes';

interface Props {
  file: File | null;
  disabled: boolean;
  onFile: (file: File) => void;
}

export function FileDrop({ file, disabled, onFile }: Props) {
  const id = useId();
  const [over, setOver] = useState(false);
  const verdict = file ? checkFile(file) : null;

  function dropped(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    const chosen = event.dataTransfer.files[0];
    if (chosen && !disabled) onFile(chosen);
  }

  return (
    <div className="field import-file">
      <div
        className={`import-drop${over ? ' import-drop--over' : ''}${disabled ? ' import-drop--disabled' : ''}`}
        data-testid="import-drop"
        onDragOver={(event) => {
          event.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={dropped}
      >
        <p className="import-drop__title">Spreadsheet file</p>
        <p className="muted import-drop__hint">Drop an .xlsx workbook or a .csv file here, or choose one.</p>
        {/* The input itself is hidden; its label is the button people see (focus shows on it). */}
        <input
          id={id}
          className="import-drop__input"
          type="file"
          accept={ACCEPT}
          disabled={disabled}
          aria-label="Spreadsheet file"
          aria-describedby={`${id}-chosen`}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) onFile(chosen);
            // Emptied, so choosing the same (corrected) file again is noticed.
            event.target.value = '';
          }}
        />
        <label htmlFor={id} className="button button--quiet button--small import-drop__pick">
          {file ? 'Choose another file…' : 'Choose a file…'}
        </label>
        <p id={`${id}-chosen`} className="import-drop__chosen" data-testid="import-chosen">
          {file ? (
            <>
              <strong>{file.name}</strong> <span className="muted">({formatBytes(file.size)})</span>
            </>
          ) : (
            <span className="muted">No file chosen yet.</span>
          )}
        </p>
      </div>
      {verdict && !verdict.ok && (
        <p className={verdict.overridable ? 'import-hint' : 'field__error'} role={verdict.overridable ? 'status' : 'alert'}>
          {verdict.message}
          {verdict.overridable && ' You can still check it: the server reads the content, not the name.'}
        </p>
      )}
    </div>
  );
}
