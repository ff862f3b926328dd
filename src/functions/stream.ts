/**
 * A streaming function's value, loaded now, again every `everyMs` and whenever the pane says
 * something changed; everything stops when Excel cancels the function (cell cleared, workbook
 * closed), so that no timer outlives it.
 */
export interface StreamTarget<T> {
  setResult(value: T): void;
  fail(error: unknown): void;
}

export interface StreamOptions {
  everyMs: number;
  /** Hears the pane's refreshes until the returned function is called. */
  subscribe(listener: () => void): () => void;
}

export const streamEvery = <T>(target: StreamTarget<T>, load: () => Promise<T>, o: StreamOptions): { stop(): void } => {
  let stopped = false;
  const refresh = (): void => {
    load().then(
      (value) => !stopped && target.setResult(value),
      (error: unknown) => !stopped && target.fail(error),
    );
  };
  const timer = setInterval(refresh, o.everyMs);
  const unsubscribe = o.subscribe(refresh);
  refresh();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
    },
  };
};
