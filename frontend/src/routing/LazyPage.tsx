// A page loaded on first visit (React.lazy), with a loading line meanwhile: every
// signed-in route is split this way, so each page's code (and the chart library, for the
// chart pages) is fetched only by those who open it.
import { Suspense, type ComponentType, type LazyExoticComponent } from 'react';

export function LazyPage({ page: Page }: { page: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense
      fallback={
        <p className="muted" role="status">
          Loading…
        </p>
      }
    >
      <Page />
    </Suspense>
  );
}
