/**
 * The task pane's flow against a real service on a sandbox dossier and the fake Excel: the
 * controller as the pane builds it, with fetch wrapped so that a test can watch every request or
 * make the service fail at a chosen moment.
 */
import type { Role } from '../../../src/contract/api';
import type { CellValue, ColumnId } from '../../../src/sheets';
import { columnsOf } from '../../../src/sheets';
import { createApiClient } from '../../../src/taskpane/api/client';
import { devSignIn } from '../../../src/taskpane/auth/devSignIn';
import { PaneController } from '../../../src/taskpane/flow/controller';
import { fakeHost } from '../fakeExcel/context';
import { FakeWorkbook, type FakeSheet } from '../fakeExcel/workbook';
import { dossierCopy, startTestService, type TestService } from '../../sync/server/harness';
import { prepareTemplate } from '../../sync/engine/world';

export type Interceptor = (url: string, init: RequestInit | undefined) => Response | Promise<Response> | undefined;

export interface PaneWorld {
  service: TestService;
  workbook: FakeWorkbook;
  controller: PaneController;
  /** Every request the pane sent: method and path under /api/v1. */
  requests: string[];
  /** Answers instead of the service while set; `undefined` lets a request through. */
  intercept: Interceptor | null;
  downloads: Array<{ filename: string; size: number }>;
  functionCalls: string[];
  token(user?: string, roles?: Role[]): Promise<string>;
}

export async function paneWorld(customers = 80, seed = 11): Promise<PaneWorld> {
  const template = await prepareTemplate(customers, seed);
  const service = await startTestService({
    dossiers: [{ id: 'alpha', path: dossierCopy(template, 'alpha'), grants: { '*': ['Sync.Review', 'Sync.Apply', 'Sync.Admin'] } }],
  });
  const workbook = new FakeWorkbook();
  const world: PaneWorld = {
    service,
    workbook,
    controller: undefined as unknown as PaneController,
    requests: [],
    intercept: null,
    downloads: [],
    functionCalls: [],
    token: (user = 'anne', roles = ['Sync.Review', 'Sync.Apply']) => service.token(user, roles),
  };
  const watched: typeof fetch = async (input, init) => {
    const url = String(input);
    world.requests.push(`${init?.method ?? 'GET'} ${new URL(url).pathname.replace('/api/v1', '')}`);
    const answer = world.intercept?.(url, init);
    return answer ?? fetch(input, init);
  };
  const signIn = devSignIn();
  const api = createApiClient({ baseUrl: `${service.service.url}/api/v1`, token: (fresh) => signIn.token(fresh), fetch: watched });
  let keys = 0;
  world.controller = new PaneController(
    {
      excel: fakeHost(workbook),
      signIn,
      api,
      budget: 200_000,
      yieldToUi: () => Promise.resolve(),
      download: (content, filename) => world.downloads.push({ filename, size: content.size }),
      newKey: () => `key-${++keys}`,
      functions: {
        services: (dossier, signedIn) => world.functionCalls.push(`services ${dossier} ${signedIn}`),
        changed: () => world.functionCalls.push('changed'),
      },
    },
    'fr',
  );
  return world;
}

/** The row of a sheet holding `key` (0-based, header at 0). */
export const rowOf = (sheet: FakeSheet, key: string): number => sheet.grid().findIndex((cells) => cells[0] === key);

export const colOf = <S extends 'sync' | 'details'>(sheet: S, id: ColumnId<S>): number => columnsOf(sheet).findIndex((c) => c.id === id);

/** The reviewer ticks a flag (a checkbox: a Boolean) on the row of `key`. */
export const tick = (sheet: FakeSheet, key: string, column: ColumnId<'sync'>, value: CellValue = true): void =>
  sheet.type(rowOf(sheet, key), colOf('sync', column), value);
