/** Step 5: the confirmation, then the run, its progress (server-sent events) and its outcome. */
import { Button, Checkbox, Text } from '@fluentui/react-components';
import { stringsFor } from '../../sheets';
import type { PaneController } from '../flow/controller';
import { backupCoversPull, canApply, type PaneState } from '../flow/state';
import { statusCounts } from './statusCounts';
import { Actions, Step } from './Step';
import { TaskProgress } from './TaskProgress';

export function SyncStep({ state, controller }: { state: PaneState; controller: PaneController }) {
  const s = stringsFor(state.locale).addin;
  const checked = state.check !== null;
  const covered = backupCoversPull(state);
  const allowed = canApply(state);
  const why = !allowed ? s.sync.needRole : !checked ? s.sync.needCheck : !covered ? s.sync.needBackup : null;
  const outcome = state.run?.status;
  return (
    <Step id="sync" title={s.steps.sync}>
      <Checkbox
        label={s.sync.confirm}
        checked={state.confirmed}
        disabled={!checked || state.task !== null}
        onChange={(_, d) => controller.confirm(d.checked === true)}
      />
      {why && <Text size={200}>{why}</Text>}
      <Actions>
        <Button
          appearance="primary"
          disabled={state.task !== null || why !== null || !state.confirmed}
          onClick={() => void controller.synchronise()}
        >
          {s.sync.button}
        </Button>
        {state.run?.lost && (
          <Button disabled={state.task !== null} onClick={() => void controller.resume()}>
            {s.sync.resume}
          </Button>
        )}
      </Actions>
      {state.task?.kind === 'sync' && <TaskProgress task={state.task} />}
      {outcome && (
        <Text>
          {s.sync.done({ run: outcome.runId })}{' '}
          {statusCounts(outcome.counts, state.locale)}
        </Text>
      )}
    </Step>
  );
}
