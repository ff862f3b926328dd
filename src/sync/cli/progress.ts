import type { PhaseProgress } from '../engine/context';
import { message, type Locale, type MessageId } from './messages';

const PHASES: Record<string, MessageId> = {
  bob: 'phaseBob',
  crm: 'phaseCrm',
  saved: 'phaseSaved',
  reread: 'phaseReread',
  apply: 'phaseApply',
  sync: 'phaseSync',
  edit: 'phaseEdit',
};

/**
 * A one-line progress display on a terminal's standard error; silent when standard error is not
 * a terminal or when the output is JSON, so that scripts only see results.
 */
export function terminalProgress(locale: Locale, enabled: boolean): PhaseProgress | undefined {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY) return undefined;
  let last = 0;
  return (phase, done, total) => {
    const now = Date.now();
    const finished = total !== undefined && done >= total;
    if (!finished && now - last < 100) return;
    last = now;
    const label = PHASES[phase] ? message(locale, PHASES[phase]) : phase;
    const count = total !== undefined ? `${done}/${total}` : String(done);
    stream.write(`\r\x1b[2K${label} : ${count}${finished ? '\n' : ''}`);
  };
}
