// "Export" on the people and projects lists (managers and admins): the list as it is
// filtered and sorted now, as an Excel workbook or a CSV file. A small list downloads
// at once; a large one becomes a job whose progress and file a dialog shows.
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { startExport, type ExportFormat, type ExportList } from '../../api/exports';
import { errorMessage } from '../../ui/errorMessage';
import { saveFile } from '../../ui/saveFile';
import { useToast } from '../../ui/toast/useToast';
import { ExportJobDialog } from './ExportJobDialog';
import { EXPORT_FORMATS, exportTitle, fallbackExportName } from './exportWords';
import './exports.css';

/** The list, with its filters and order as the list asks the API for them. */
type Props = ExportList;

export function ExportMenu(list: Props) {
  const { kind } = list;
  const toast = useToast();
  const menu = useRef<HTMLDetailsElement>(null);
  const [job, setJob] = useState<{ id: number; format: ExportFormat } | null>(null);
  const run = useMutation({
    mutationFn: (format: ExportFormat) => startExport(list, format),
    onSuccess: (answer, format) => {
      if (answer.file) saveFile(answer.file, fallbackExportName(kind, format));
      else setJob({ id: answer.jobId, format });
    },
    onError: (error) => toast(`The export did not work: ${errorMessage(error)}`, 'error'),
  });

  function choose(format: ExportFormat) {
    if (menu.current) menu.current.open = false;
    run.mutate(format);
  }

  return (
    <>
      <details ref={menu} className="export-menu" data-testid={`export-${kind}`}>
        <summary className="button button--quiet" aria-busy={run.isPending || undefined}>
          {run.isPending ? 'Exporting…' : 'Export'}
        </summary>
        <div className="export-menu__items" role="group" aria-label={`Export the ${kind} shown`}>
          {EXPORT_FORMATS.map(({ format, label }) => (
            <button key={format} type="button" className="export-menu__item" disabled={run.isPending} onClick={() => choose(format)}>
              {label}
            </button>
          ))}
          <p className="export-menu__note muted">With the filters and order shown.</p>
        </div>
      </details>
      {job && (
        <ExportJobDialog
          jobId={job.id}
          title={exportTitle(kind, job.format)}
          fallbackName={fallbackExportName(kind, job.format)}
          onClose={() => setJob(null)}
        />
      )}
    </>
  );
}
