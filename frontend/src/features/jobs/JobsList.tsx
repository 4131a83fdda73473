// The jobs list under the filters: skeleton rows on the first load, the error card when
// nothing could be loaded, the table (or the empty state) and paging. A refresh that
// fails after a good one keeps the rows and says they may be out of date.
import type { JobParams } from './jobParams';
import { isFiltered } from './jobParams';
import { Pagination } from '../../ui/Pagination';
import { errorMessage } from '../../ui/errorMessage';
import { formatClock } from '../../ui/formatTime';
import { JobsTable } from './JobsTable';
import { JobsEmpty, JobsError, JobsSkeleton } from './JobsStates';
import { useJobList } from './useJobs';

interface Props {
  params: JobParams;
  isAdmin: boolean;
  caption: string;
  onChange: (changes: Partial<JobParams>) => void;
  onQueued: (id: number) => void;
}

export function JobsList({ params, isAdmin, caption, onChange, onQueued }: Props) {
  const jobs = useJobList(params);
  if (jobs.isPending) return <JobsSkeleton />;
  if (!jobs.data) return <JobsError error={jobs.error} retrying={jobs.isFetching} onRetry={() => void jobs.refetch()} />;

  const page = jobs.data;
  return (
    <>
      {jobs.error && (
        <p className="jobs-stale" role="status">
          The jobs could not be refreshed: {errorMessage(jobs.error)} Showing them as of{' '}
          {formatClock(new Date(jobs.dataUpdatedAt).toISOString())}.
        </p>
      )}
      {page.items.length === 0 ? (
        <JobsEmpty filtered={isFiltered(params)} isAdmin={isAdmin}
          onClear={() => onChange({ kind: null, state: null, queue: null, mine: false })} />
      ) : (
        <JobsTable jobs={page.items} caption={caption} onQueued={onQueued} />
      )}
      {params.job === null && page.total > 0 && (
        <Pagination label="Job pages" page={page.page} pageSize={page.pageSize} total={page.total}
          onPage={(number) => onChange({ page: number })} />
      )}
    </>
  );
}
