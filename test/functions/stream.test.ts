import { streamEvery } from '../../src/functions/stream';

describe('streaming functions', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it('sets a value now, on every tick and on every refresh of the pane, and stops for good when cancelled', async () => {
    const values: number[] = [];
    let listener: (() => void) | undefined;
    let n = 0;
    const running = streamEvery<number>(
      { setResult: (v) => values.push(v), fail: (e) => values.push(-1 * String(e).length) },
      async () => ++n,
      { everyMs: 1000, subscribe: (l) => ((listener = l), () => (listener = undefined)) },
    );
    await settle();
    expect(values).toEqual([1]);
    jest.advanceTimersByTime(1000);
    await settle();
    listener?.();
    await settle();
    expect(values).toEqual([1, 2, 3]);
    running.stop();
    expect(listener).toBeUndefined();
    jest.advanceTimersByTime(5000);
    await settle();
    expect(values).toEqual([1, 2, 3]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('shows a failure as the cell’s error', async () => {
    const failures: unknown[] = [];
    const running = streamEvery<number>(
      { setResult: () => undefined, fail: (e) => failures.push(e) },
      () => Promise.reject(new Error('Connectez-vous dans le volet bobsync.')),
      { everyMs: 1000, subscribe: () => () => undefined },
    );
    await settle();
    expect((failures[0] as Error).message).toBe('Connectez-vous dans le volet bobsync.');
    running.stop();
  });
});
