/** Step 6: the audit record of the last run, as the workbook the firm keeps. */
import { Button } from '@fluentui/react-components';
import { stringsFor } from '../../sheets';
import type { PaneController } from '../flow/controller';
import type { PaneState } from '../flow/state';
import { Actions, Step } from './Step';

export function JournalStep({ state, controller }: { state: PaneState; controller: PaneController }) {
  const s = stringsFor(state.locale).addin;
  return (
    <Step id="journal" title={s.steps.journal}>
      <Actions>
        <Button disabled={state.task !== null || state.lastRunId === null} onClick={() => void controller.exportJournal()}>
          {s.journal.button}
        </Button>
      </Actions>
    </Step>
  );
}
