// A time shown relative to now ("3 minutes ago", "in 2 hours") with the exact time in
// its tooltip and in the <time> element's machine-readable value.
import { formatExactTime, formatRelative } from './formatTime';

export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} title={formatExactTime(iso)} className={className}>
      {formatRelative(iso)}
    </time>
  );
}
