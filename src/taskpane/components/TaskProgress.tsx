/** The progress bar of the work under way, labelled with what it is doing. */
import { Field, ProgressBar } from '@fluentui/react-components';
import type { Task } from '../flow/state';

export function TaskProgress(props: { task: Task }) {
  const { done, total, label } = props.task;
  const value = done !== null && total !== null && total > 0 ? Math.min(1, done / total) : undefined;
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={value} thickness="large" aria-label={label} />
    </Field>
  );
}
