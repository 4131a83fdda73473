// The line above the checks table: overall status, server version, last-checked time.
import type { HealthReport } from '../../api/health';
import { OverallBadge } from './StatusBadge';
import './health.css';

interface Props {
  report: HealthReport;
  checkedAt: number;
  refreshing: boolean;
}

export function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

export function StatusMeta({ report, checkedAt, refreshing }: Props) {
  return (
    <div className="status-meta">
      <span>
        Overall <OverallBadge status={report.status} testId="overall-status" />
      </span>
      <span>
        Version <strong data-testid="server-version">{report.version}</strong>
      </span>
      <span>
        Last checked{' '}
        <strong className="num">
          <time dateTime={new Date(checkedAt).toISOString()} data-testid="last-checked">
            {formatTime(checkedAt)}
          </time>
        </strong>
        <span className="muted">{refreshing ? '· checking…' : ''}</span>
      </span>
    </div>
  );
}
