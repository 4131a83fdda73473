// What shows while the app checks whether someone is already signed in.
export function SessionLoading() {
  return (
    <p className="session-loading muted" role="status" data-testid="session-loading">
      <span className="spinner" aria-hidden="true" /> Checking your sign-in…
    </p>
  );
}
