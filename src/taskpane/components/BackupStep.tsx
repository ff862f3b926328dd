/** Step 4: a backup made after the pull, which the service demands before synchronising. */
import { Button, Text } from '@fluentui/react-components';
import { stringsFor } from '../../sheets';
import type { PaneController } from '../flow/controller';
import { backupCoversPull, canApply, type PaneState } from '../flow/state';
import { formatDate } from '../format';
import { Actions, Step } from './Step';
import { TaskProgress } from './TaskProgress';

export function BackupStep({ state, controller }: { state: PaneState; controller: PaneController }) {
  const s = stringsFor(state.locale).addin;
  const backup = state.dossier?.latestBackup ?? null;
  const at = backup ? formatDate(backup.createdAt, state.locale) : '';
  // Before any pull there is nothing for a backup to cover yet.
  const status = !backup
    ? s.backup.none
    : !state.linkedPull
      ? s.connect.lastBackup({ at, by: backup.createdBy })
      : backupCoversPull(state)
        ? s.backup.valid({ at })
        : s.backup.outdated({ at });
  return (
    <Step id="backup" title={s.steps.backup}>
      <Text>{status}</Text>
      {!canApply(state) && state.dossier && <Text size={200}>{s.backup.needsRole}</Text>}
      <Actions>
        <Button disabled={state.task !== null || !canApply(state)} onClick={() => void controller.backup()}>
          {s.backup.button}
        </Button>
      </Actions>
      {state.task?.kind === 'backup' && <TaskProgress task={state.task} />}
    </Step>
  );
}
