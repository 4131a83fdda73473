// Status badges: colour plus an icon plus a word, so meaning never rests on colour alone.
import '../../ui/badge.css';
import './health.css';
import type { CheckStatus, OverallStatus } from '../../api/health';

const CHECK_LOOK = {
  up: { word: 'Up', icon: '✓', tone: 'up' },
  down: { word: 'Down', icon: '✕', tone: 'down' },
} as const;

const OVERALL_LOOK = {
  ok: { word: 'OK', icon: '✓', tone: 'up' },
  degraded: { word: 'Degraded', icon: '!', tone: 'down' },
} as const;

interface BadgeProps {
  word: string;
  icon: string;
  tone: 'up' | 'down';
  testId?: string | undefined;
  status: string;
}

function Badge({ word, icon, tone, testId, status }: BadgeProps) {
  return (
    <span className={`badge badge--${tone}`} data-status={status}>
      <span aria-hidden="true" className="badge__icon">
        {icon}
      </span>
      <span data-testid={testId}>{word}</span>
    </span>
  );
}

export function CheckBadge({ status, testId }: { status: CheckStatus; testId?: string }) {
  return <Badge {...CHECK_LOOK[status]} status={status} testId={testId} />;
}

export function OverallBadge({ status, testId }: { status: OverallStatus; testId?: string }) {
  return <Badge {...OVERALL_LOOK[status]} status={status} testId={testId} />;
}
