/** One numbered step of the pane: a titled region, so that screen readers can jump between steps. */
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  step: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function Step(props: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.step} aria-labelledby={`${props.id}-title`}>
      <Subtitle2 as="h2" id={`${props.id}-title`}>
        {props.title}
      </Subtitle2>
      {props.children}
    </section>
  );
}

export function Actions(props: { children: ReactNode }) {
  return <div className={useStyles().actions}>{props.children}</div>;
}
