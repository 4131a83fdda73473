// Where the import screen is, read from the job it shows: nothing yet (choose a file),
// a check or an import under way (a progress bar), a check's preview, an import's
// result, a file the server refused, or a run that was cancelled. Also whether the
// checked file may be imported now. Pure functions: the screen renders what they answer.
import { importReportOf, type ImportReport } from '../../api/imports';
import { isActive, type Job } from '../../api/jobs';
import { wouldChangeNothing } from './importReport';

export type ImportStep =
  | { step: 'choose' }
  /** Queued or running: the bar. */
  | { step: 'working'; job: Job }
  /** A check (dry run) ended: what importing the file would do. */
  | { step: 'preview'; job: Job; report: ImportReport }
  /** A real run ended (applied, or stopped by bad rows). */
  | { step: 'result'; job: Job; report: ImportReport }
  /** The job failed: the file was refused (or could not be read); nothing changed. */
  | { step: 'refused'; job: Job; code: string; message: string }
  | { step: 'cancelled'; job: Job };

const UNREADABLE = {
  code: 'no_report',
  message: 'The import finished without a report this screen can read. Open it on the Jobs page to see what it did.',
};

/** The step for the shown job (none: choose a file). */
export function importStep(job: Job | null | undefined): ImportStep {
  if (!job) return { step: 'choose' };
  if (isActive(job)) return { step: 'working', job };
  if (job.state === 'cancelled') return { step: 'cancelled', job };
  if (job.state === 'failed') {
    return {
      step: 'refused',
      job,
      code: job.error?.code ?? 'failed',
      message: job.error?.message ?? 'The import failed without saying why. Try again, or ask an administrator to look at the Jobs page.',
    };
  }
  const report = importReportOf(job);
  if (!report) return { step: 'refused', job, ...UNREADABLE };
  return report.dryRun ? { step: 'preview', job, report } : { step: 'result', job, report };
}

export type ConfirmState =
  /** The checked file is at hand and importing it would write something. */
  | { ready: true }
  | { ready: false; reason: string };

/**
 * Whether the checked file can be imported from the preview: the file must still be at
 * hand (a reload forgets it), and with bad rows not skipped, one error keeps everything out.
 */
export function confirmState(report: ImportReport, { fileAtHand, skipBadRows }: { fileAtHand: boolean; skipBadRows: boolean }): ConfirmState {
  if (wouldChangeNothing(report, skipBadRows)) {
    return {
      ready: false,
      reason: 'Fix the rows with errors and check the corrected file, or turn on “Skip bad rows” to import the other rows.',
    };
  }
  if (!fileAtHand) return { ready: false, reason: `Choose ${report.fileName || 'the file'} again to import it.` };
  return { ready: true };
}

/** The label of the confirm button: "Import people.csv". */
export function confirmLabel(report: Pick<ImportReport, 'fileName'>): string {
  return report.fileName ? `Import ${report.fileName}` : 'Import the file';
}

/** What the bar is about: "Checking people.csv" or "Importing people.csv" (run unknown after a reload: "Import #12"). */
export function workingTitle(job: Pick<Job, 'id'>, run: { dryRun: boolean; fileName: string } | null): string {
  if (!run || run.fileName === '') return `Import #${job.id}`;
  return `${run.dryRun ? 'Checking' : 'Importing'} ${run.fileName}`;
}
