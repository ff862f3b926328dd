/** Step 3: check the sheets, then the service's dry run; each problem links to its cell. */
import { Button, Link, Text } from '@fluentui/react-components';
import { stringsFor } from '../../sheets';
import type { PaneController } from '../flow/controller';
import type { PaneState } from '../flow/state';
import { statusCounts } from './statusCounts';
import { Actions, Step } from './Step';
import { TaskProgress } from './TaskProgress';

export function CheckStep({ state, controller }: { state: PaneState; controller: PaneController }) {
  const s = stringsFor(state.locale).addin;
  const problems = state.problems;
  return (
    <Step id="check" title={s.steps.check}>
      <Actions>
        <Button appearance="primary" disabled={state.task !== null || !state.linkedPull} onClick={() => void controller.check()}>
          {s.check.button}
        </Button>
      </Actions>
      {state.task?.kind === 'check' && <TaskProgress task={state.task} />}
      {problems && (
        <>
          <Text weight="semibold" role="alert">
            {s.check.problems({ count: problems.total })}
          </Text>
          <ul aria-label={s.check.problems({ count: problems.total })}>
            {problems.lines.map((line, i) => (
              <li key={i}>
                {line.target && (
                  <>
                    <Link as="button" onClick={() => void controller.select(line.target!)}>
                      {s.check.goTo(line.target)}
                    </Link>{' '}
                  </>
                )}
                {line.text}
              </li>
            ))}
          </ul>
          {problems.total > problems.lines.length && <Text>{s.check.more({ count: problems.total - problems.lines.length })}</Text>}
        </>
      )}
      {state.check && (
        <Text>
          {s.check.ok({ count: state.check.rows })}{' '}
          {statusCounts(state.check.counts, state.locale)}
        </Text>
      )}
    </Step>
  );
}
