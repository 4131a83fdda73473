// Tests for the test-job form's rules: whole numbers within the server's ranges, and the
// duration hint.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBE, checkProbe, probeDuration } from './probeForm';

describe('checkProbe', () => {
  it('turns the default draft into the request body', () => {
    expect(checkProbe(DEFAULT_PROBE)).toEqual({ body: { queue: 'maintenance', steps: 10, stepMillis: 500 } });
    expect(checkProbe({ queue: 'mail', steps: ' 0 ', stepMillis: '10000' })).toEqual({ body: { queue: 'mail', steps: 0, stepMillis: 10000 } });
  });

  it.each([
    ['101', '500', ['steps']],
    ['-1', '500', ['steps']],
    ['2.5', '500', ['steps']],
    ['', '500', ['steps']],
    ['8', '10001', ['stepMillis']],
    ['8', 'abc', ['stepMillis']],
    ['x', '', ['steps', 'stepMillis']],
  ])('refuses steps %j and step %j ms', (steps, stepMillis, fields) => {
    const result = checkProbe({ queue: 'maintenance', steps, stepMillis });
    expect('errors' in result ? Object.keys(result.errors) : []).toEqual(fields);
  });

  it('says the errors in words', () => {
    expect(checkProbe({ queue: 'mail', steps: '500', stepMillis: '-3' })).toEqual({
      errors: {
        steps: 'Enter a whole number of steps from 0 to 100.',
        stepMillis: 'Enter a whole number of milliseconds from 0 to 10000.',
      },
    });
  });
});

describe('probeDuration', () => {
  it('estimates how long the probe runs', () => {
    expect(probeDuration(DEFAULT_PROBE)).toBe('Runs for about 5 s once a worker takes it.');
    expect(probeDuration({ queue: 'mail', steps: '8', stepMillis: '400' })).toBe('Runs for about 3.2 s once a worker takes it.');
    expect(probeDuration({ queue: 'mail', steps: '0', stepMillis: '400' })).toBe('Runs in under a second once a worker takes it.');
    expect(probeDuration({ queue: 'mail', steps: 'x', stepMillis: '400' })).toBeUndefined();
  });
});
