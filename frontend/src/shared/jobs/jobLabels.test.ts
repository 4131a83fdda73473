// Tests for the jobs' words: kind labels, state looks, attempts and the progress caption.
import { describe, expect, it } from 'vitest';
import { JOB_KINDS } from '../../api/jobs';
import { KIND_LABELS, STATE_LOOK, attemptsText, clampPercent, jobTitle, progressCaption } from './jobLabels';
import { makeJob } from '../../test/jobData';

describe('job labels', () => {
  it('names every kind in words and a job by kind and number', () => {
    expect(JOB_KINDS.map((kind) => KIND_LABELS[kind])).toEqual(['Cache warm-up', 'Email', 'Probe', 'Housekeeping', 'Import', 'Export', 'Hour reallocation', 'Load check', 'Database backup']);
    expect(jobTitle({ id: 12, kind: 'warm_cache' })).toBe('Cache warm-up #12');
  });

  it('gives every state a word and an icon, not only a tone', () => {
    for (const look of Object.values(STATE_LOOK)) {
      expect(look.word).toMatch(/^[A-Z][a-z]+$/);
      expect(look.icon).not.toBe('');
    }
  });

  it('counts attempts', () => {
    expect(attemptsText({ attempts: 2, maxAttempts: 3 })).toBe('Attempt 2 of 3');
    expect(attemptsText({ attempts: 0, maxAttempts: 3 })).toBe('Not started (up to 3 attempts)');
    expect(attemptsText({ attempts: 0, maxAttempts: 1 })).toBe('Not started (up to 1 attempt)');
  });

  it.each([
    [makeJob({ id: 1, state: 'queued' }), { status: 'Waiting for a worker', message: null }],
    [makeJob({ id: 1, state: 'queued', nextAttemptAt: '2030-01-01T00:00:00Z', message: 'old' }), { status: 'Waiting to try again', message: null }],
    [makeJob({ id: 1, state: 'running', stage: 'Probing', progress: 37, message: 'Step 3 of 8' }), { status: 'Probing · 37%', message: 'Step 3 of 8' }],
    [makeJob({ id: 1, state: 'running', progress: 5 }), { status: 'Working · 5%', message: null }],
    [makeJob({ id: 1, state: 'succeeded', stage: 'Starting', progress: 100, message: 'Computing 3 views' }), { status: 'Done · 100%', message: null }],
    [makeJob({ id: 1, state: 'cancelled', progress: 20, message: 'Step 4 of 20' }), { status: 'Stopped at 20%', message: 'Step 4 of 20' }],
  ])('captions the progress bar (%#)', (job, caption) => {
    expect(progressCaption(job)).toEqual(caption);
  });

  it('keeps a percent within 0-100', () => {
    expect([clampPercent(-5), clampPercent(42.4), clampPercent(140), clampPercent(Number.NaN)]).toEqual([0, 42, 100, 0]);
  });
});
