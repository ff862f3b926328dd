import type { Side } from '../domain/customer';
import type { BobConnector, CrmConnector } from '../domain/ports';
import type { Store } from '../store/store';
import type { Faults, JournalContext } from './journal';

/** Everything the engine needs for one dossier. */
export interface EngineContext extends JournalContext {
  store: Store;
  dossier: string;
  bob: BobConnector;
  crm: CrmConnector;
  /** Folder where backups of this dossier are written. */
  backupDir: string;
  /** Which side a conflict is proposed to follow; BOB 50 by Sage's rule. */
  policy: Side;
  /** CRM requests in flight at once during an apply. */
  concurrency: number;
  /** Rows per journal batch (one BOB transaction, one intent transaction). */
  batchSize: number;
  clock: () => Date;
  faults?: Faults;
}

export type PhaseProgress = (phase: string, done: number, total?: number) => void;

/** A failure the caller must show to the user as is: a precondition or a refused request. */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
