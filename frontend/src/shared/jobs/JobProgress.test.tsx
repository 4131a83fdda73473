// Tests for the progress bar: a named progressbar with its value and range, the words
// beside it, and a fill as wide as the percent.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JobProgress } from './JobProgress';
import { makeJob } from '../../test/jobData';

describe('JobProgress', () => {
  it('is a progressbar named after its job, with value, range and words', () => {
    render(<JobProgress job={makeJob({ id: 12, state: 'running', stage: 'Probing', progress: 37, message: 'Step 3 of 8' })} />);
    const bar = screen.getByRole('progressbar', { name: 'Progress of Probe #12' });
    expect(bar).toHaveAttribute('aria-valuenow', '37');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(bar).toHaveAttribute('aria-valuetext', 'Probing · 37%, Step 3 of 8');
    expect(screen.getByText('Probing · 37%')).toBeInTheDocument();
    expect(screen.getByText('Step 3 of 8')).toBeInTheDocument();
    expect(bar.firstElementChild).toHaveStyle({ width: '37%' });
  });

  it('shows a queued job empty and waiting, and keeps odd values in range', () => {
    const { rerender } = render(<JobProgress job={makeJob({ id: 3, kind: 'email', state: 'queued', progress: 0 })} />);
    const bar = screen.getByRole('progressbar', { name: 'Progress of Email #3' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    expect(bar).toHaveAttribute('aria-valuetext', 'Waiting for a worker');

    rerender(<JobProgress job={makeJob({ id: 3, kind: 'email', state: 'running', progress: 250 })} />);
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(bar.firstElementChild).toHaveStyle({ width: '100%' });
  });
});
