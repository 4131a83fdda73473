// /import: managers and admins load people or projects from a spreadsheet. Choose what
// the file holds, drop or pick the file, set the options, and check it: the file is sent
// as a dry run and the job's bar shows its stage and percent; then the preview (counts
// per entity, the first errors and warnings, the full report). "Import" sends the same
// file again for real; the result links to the pages that show the new rows. A refused
// file says why in words. The kind, options and shown job live in the URL (a reload
// shows the same preview; the file itself must then be chosen again to import it).
import { useState } from 'react';
import { canImport } from '../auth/permissions';
import { useCurrentUser } from '../auth/useSession';
import { ImportForm } from '../features/imports/ImportForm';
import { ImportPreview } from '../features/imports/ImportPreview';
import { ImportRefused } from '../features/imports/ImportRefused';
import { ImportResult } from '../features/imports/ImportResult';
import { ImportWorking } from '../features/imports/ImportWorking';
import { importStep, workingTitle } from '../features/imports/importFlow';
import { useImportJob } from '../features/imports/useImportJob';
import { useImportParams } from '../features/imports/useImportParams';
import { useStartImport } from '../features/imports/useStartImport';
import { FormAlert } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import '../features/imports/imports.css';

interface Run {
  jobId: number;
  dryRun: boolean;
  fileName: string;
}

function ImportScreen() {
  const [params, setParams] = useImportParams();
  const [file, setFile] = useState<File | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const watched = useImportJob(params.job);
  const start = useStartImport((jobId, request) => {
    setRun({ jobId, dryRun: request.dryRun, fileName: request.file.name });
    setParams({ job: jobId });
  });
  const step = importStep(params.job === null ? null : watched.data);
  const busy = start.isPending || step.step === 'working';
  const confirming = start.variables?.dryRun === false;

  function send(dryRun: boolean) {
    if (!file) return;
    const { kind, updateExisting, skipBadRows } = params;
    start.mutate({ kind, file, dryRun, updateExisting, skipBadRows });
  }

  function startOver(changes: Parameters<typeof setParams>[0] = {}) {
    start.reset();
    setParams({ ...changes, job: null });
  }

  return (
    <>
      <ImportForm
        params={params}
        file={file}
        busy={busy}
        sending={start.isPending && !confirming}
        uploadError={confirming ? null : start.error}
        onChange={(changes) => startOver(changes)}
        onFile={(chosen) => {
          setFile(chosen);
          startOver();
        }}
        onCheck={() => send(true)}
      />
      {params.job !== null && watched.isPending && <p className="muted" role="status">Loading the import…</p>}
      {params.job !== null && watched.error && !watched.data && (
        <FormAlert tone="error">The import could not be loaded: {errorMessage(watched.error)}</FormAlert>
      )}
      {step.step === 'working' && (
        <ImportWorking job={step.job} title={workingTitle(step.job, run?.jobId === step.job.id ? run : null)} />
      )}
      {step.step === 'preview' && (
        <ImportPreview
          job={step.job}
          report={step.report}
          fileAtHand={file !== null}
          skipBadRows={params.skipBadRows}
          sending={start.isPending}
          onConfirm={() => send(false)}
        />
      )}
      {step.step === 'result' && (
        <ImportResult
          job={step.job}
          report={step.report}
          onAgain={() => {
            setFile(null);
            startOver();
          }}
        />
      )}
      {step.step === 'refused' && (
        <ImportRefused job={step.job} refusal={{ code: step.code, message: step.message }} onAgain={() => startOver()} />
      )}
      {step.step === 'cancelled' && <ImportRefused job={step.job} onAgain={() => startOver()} />}
      {confirming && start.error ? <FormAlert tone="error">The import could not be started: {errorMessage(start.error)}</FormAlert> : null}
    </>
  );
}

export function ImportPage() {
  const user = useCurrentUser();
  return (
    <>
      <title>Import · Workload Tracker</title>
      <h1>Import</h1>
      {canImport(user) ? (
        <>
          <p className="muted lead">
            Load people or projects from an Excel workbook (.xlsx) or a CSV file. The file is checked first and nothing
            changes until you confirm; then it is imported all at once, or not at all.
          </p>
          <ImportScreen />
        </>
      ) : (
        <p className="lead" role="status">
          Only managers and administrators can import files. Ask one of them to load your spreadsheet.
        </p>
      )}
    </>
  );
}
