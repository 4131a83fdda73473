// A page loaded on first visit (React.lazy), with a loading line meanwhile: the chart
// pages, so the chart library is fetched only by those who open them.
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
