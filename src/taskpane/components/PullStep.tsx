/** Step 2: pull the pending changes into the sheets; what they hold; decisions kept or to redo. */
import { Button, Table, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import { stringsFor } from '../../sheets';
import type { PaneController } from '../flow/controller';
import type { PaneState } from '../flow/state';
import { formatCount } from '../format';
import { Actions, Step } from './Step';
import { TaskProgress } from './TaskProgress';

export function PullStep({ state, controller }: { state: PaneState; controller: PaneController }) {
  const s = stringsFor(state.locale).addin;
  const counts = state.counts;
  const lines = counts
    ? ([
        [s.pull.counts.rows, counts.rows],
        [s.pull.counts.bobToCrm, counts.bobToCrm],
        [s.pull.counts.crmToBob, counts.crmToBob],
        [s.pull.counts.both, counts.both],
        [s.pull.counts.conflicts, counts.conflicts],
        [s.pull.counts.duplicates, counts.duplicates],
        [s.pull.counts.errors, counts.errors],
      ] as const)
    : [];
  return (
    <Step id="pull" title={s.steps.pull}>
      <Actions>
        <Button appearance="primary" disabled={state.task !== null || !state.dossier} onClick={() => void controller.pull()}>
          {s.pull.button}
        </Button>
      </Actions>
      {state.task?.kind === 'pull' && <TaskProgress task={state.task} />}
      {counts && (
        <Table size="extra-small" aria-label={s.steps.pull}>
          <TableBody>
            {lines.map(([label, n]) => (
              <TableRow key={label}>
                <TableCell>{label}</TableCell>
                <TableCell>
                  <Text weight="semibold">{formatCount(n, state.locale)}</Text>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {state.carried && state.carried.count > 0 && <Text>{s.pull.carried({ count: state.carried.count })}</Text>}
      {state.carried && state.carried.dropped.length > 0 && (
        <>
          <Text weight="semibold">{s.pull.dropped({ count: state.carried.dropped.length })}</Text>
          <ul>
            {state.carried.dropped.map((d) => (
              <li key={d.key}>{s.pull.droppedLine({ name: d.name, key: d.key, reason: s.pull.droppedReasons[d.reason] })}</li>
            ))}
          </ul>
        </>
      )}
    </Step>
  );
}
