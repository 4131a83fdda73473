// The card shown when no health report could be fetched: what happened, and a retry.
import './health.css';
import { describeError } from './describeError';

interface Props {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}

export function HealthErrorCard({ error, onRetry, retrying }: Props) {
  const { title, message } = describeError(error);
  return (
    <section className="card error-card" role="alert" data-testid="health-error">
      <h2>
        <span aria-hidden="true" className="error-card__icon">
          !
        </span>
        {title}
      </h2>
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Try again'}
      </button>
    </section>
  );
}
