// /admin/audit: the audit log, newest first, as readable sentences with their time,
// paginated on the server; the page is kept in the query string.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useUrlParams } from '../../routing/useUrlParams';
import { fetchAudit } from '../../api/users';
import { FormAlert } from '../../ui/FormAlert';
import { Pagination } from '../../ui/Pagination';
import { errorMessage } from '../../ui/errorMessage';
import { formatDateTime } from '../../ui/formatTime';
import { auditSentence } from './auditSentence';
import { queryKeys } from '../../api/queryKeys';

export function AuditTab() {
  const [params, setParams] = useUrlParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const audit = useQuery({
    queryKey: queryKeys.audit.page(page),
    queryFn: ({ signal }) => fetchAudit(page, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-label="Audit log">
      <title>Audit log · Admin · Workload Tracker</title>
      {audit.error && <FormAlert tone="error">{errorMessage(audit.error)}</FormAlert>}
      {audit.isPending && !audit.error && <p className="muted" role="status">Loading the audit log…</p>}
      {audit.data && (
        <>
          {audit.data.items.length === 0 ? (
            <p className="muted">Nothing recorded yet. Account changes made here will be listed.</p>
          ) : (
            <ol className="audit-list" data-testid="audit-list">
              {audit.data.items.map((entry) => (
                <li key={entry.id}>
                  <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                  <span>{auditSentence(entry)}</span>
                </li>
              ))}
            </ol>
          )}
          <Pagination
            label="Audit log pages"
            page={audit.data.page}
            pageSize={audit.data.pageSize}
            total={audit.data.total}
            onPage={(next) => setParams(next > 1 ? { page: String(next) } : {})}
          />
        </>
      )}
    </section>
  );
}
