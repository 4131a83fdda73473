// What a panel shows before its data: a loading line, or the failure in words.
import { errorMessage } from './errorMessage';
import { FormAlert } from './FormAlert';

interface Props {
  error: unknown;
  loading: string;
}

export function PanelStatus({ error, loading }: Props) {
  if (error) return <FormAlert tone="error">{errorMessage(error)}</FormAlert>;
  return (
    <p className="muted" role="status">
      {loading}
    </p>
  );
}
