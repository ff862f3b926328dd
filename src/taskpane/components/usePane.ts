/** The controller's state as React state. */
import { useSyncExternalStore } from 'react';
import type { PaneController } from '../flow/controller';
import type { PaneState } from '../flow/state';

export const usePane = (controller: PaneController): PaneState =>
  useSyncExternalStore(controller.subscribe, () => controller.state);
