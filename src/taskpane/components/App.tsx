/** The task pane: the steps in order, and what happened last. */
import { FluentProvider, MessageBar, MessageBarBody, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { stringsFor } from '../../sheets';
import type { PaneController } from '../flow/controller';
import { BackupStep } from './BackupStep';
import { CheckStep } from './CheckStep';
import { ConnectStep } from './ConnectStep';
import { JournalStep } from './JournalStep';
import { PullStep } from './PullStep';
import { SyncStep } from './SyncStep';
import { usePane } from './usePane';

const useStyles = makeStyles({
  pane: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function App({ controller }: { controller: PaneController }) {
  const state = usePane(controller);
  const styles = useStyles();
  const s = stringsFor(state.locale).addin;
  const signedIn = state.account !== null;
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.pane}>
        <Title3 as="h1">{s.title}</Title3>
        <div aria-live="polite">
          {state.notice && (
            <MessageBar intent={state.notice.intent} role={state.notice.intent === 'error' ? 'alert' : 'status'}>
              <MessageBarBody>{state.notice.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <ConnectStep state={state} controller={controller} />
        {signedIn && (
          <>
            <PullStep state={state} controller={controller} />
            <CheckStep state={state} controller={controller} />
            <BackupStep state={state} controller={controller} />
            <SyncStep state={state} controller={controller} />
            <JournalStep state={state} controller={controller} />
          </>
        )}
      </main>
    </FluentProvider>
  );
}

/** Outside Excel (or before Office.js could load): where the pane opens, or what went wrong. */
export function Standalone({ title, text }: { title: string; text: string }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.pane}>
        <Title3 as="h1">{title}</Title3>
        <MessageBar intent="warning">
          <MessageBarBody>{text}</MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}
