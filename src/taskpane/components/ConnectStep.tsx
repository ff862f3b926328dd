/** Step 1: who is signed in, on which dossier, and what the workbook holds. */
import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { stringsFor } from '../../sheets';
import type { PaneController } from '../flow/controller';
import type { PaneState } from '../flow/state';
import { formatDate } from '../format';
import { Actions, Step } from './Step';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export function ConnectStep({ state, controller }: { state: PaneState; controller: PaneController }) {
  const s = stringsFor(state.locale).addin;
  const [token, setToken] = useState('');
  const styles = useStyles();
  const busy = state.task !== null;
  const { dossier, linkedPull, link } = state;

  if (!state.account) {
    const ready = !busy && (state.authMode !== 'dev' || token.trim() !== '');
    return (
      <Step id="connect" title={s.steps.connect}>
        {/* A form, so that Enter signs in. */}
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) void controller.signIn(token);
          }}
        >
          {state.authMode === 'dev' && (
            <Field label={s.connect.devTokenLabel} hint={s.connect.devTokenHint}>
              <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} autoComplete="off" />
            </Field>
          )}
          <Actions>
            <Button appearance="primary" type="submit" disabled={!ready}>
              {s.connect.signIn}
            </Button>
          </Actions>
        </form>
      </Step>
    );
  }

  const roles = dossier?.roles.map((r) => s.roles[r]).join(', ') ?? '';
  return (
    <Step id="connect" title={s.steps.connect}>
      <Actions>
        <Text>{s.connect.signedInAs({ user: state.account.user })}</Text>
        <Button size="small" disabled={busy} onClick={controller.signOut}>
          {s.connect.signOut}
        </Button>
      </Actions>
      {state.dossiers.length > 0 && (
        <Field label={s.connect.dossierLabel}>
          <Select value={dossier?.id ?? ''} disabled={busy} onChange={(_, d) => void controller.chooseDossier(d.value)}>
            {state.dossiers.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {dossier && <Text size={200}>{s.connect.rolesHeld({ roles })}</Text>}
      {dossier?.busy && <Text weight="semibold">{s.connect.busy({ user: dossier.busy.user, since: formatDate(dossier.busy.since, state.locale) })}</Text>}
      {dossier && (
        <Text size={200}>
          {dossier.latestBackup
            ? s.connect.lastBackup({ at: formatDate(dossier.latestBackup.createdAt, state.locale), by: dossier.latestBackup.createdBy })
            : s.connect.noBackup}
        </Text>
      )}
      {dossier && (
        <Text size={200}>
          {linkedPull
            ? s.connect.linked({ at: formatDate(linkedPull.createdAt, state.locale), by: linkedPull.createdBy })
            : link && link.dossier !== dossier.id
              ? s.connect.otherDossier({ dossier: link.dossier })
              : s.connect.notLinked}
        </Text>
      )}
    </Step>
  );
}
