/**
 * The `bobsync` command: the engine in-process, on a configured dossier or the sandbox.
 * Exit codes: 0 success, 1 an error or a problem that stopped the command, 2 rows that failed
 * or were stale during an apply.
 */
import { Command, CommanderError, Option } from 'commander';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Problem } from '../contract/pending';
import { problemText } from '../sheets';
import { DEFAULT_SANDBOX_DIR, loadDossier } from './config';
import { openDossier, type OpenDossier } from './dossier';
import type { RunResult } from './engine/results';
import { message, terminalLocale, type Locale, type MessageId } from './cli/messages';
import { readPendingFile, requestFromWorkbook, writePendingFile, writeRunToFile } from './cli/pendingFile';
import { terminalProgress } from './cli/progress';
import { writeAuditWorkbook } from './xlsx/audit';
import { editSandbox, initSandbox } from './sandbox/sandbox';
import type { Role } from '../contract/api';
import { ROLES } from './server/auth/roles';
import { serveCommand, startCommand, tokenCommand } from './server/commands';

interface GlobalOptions {
  json?: boolean;
  user?: string;
}

class Output {
  constructor(
    readonly locale: Locale,
    readonly json: boolean,
  ) {}

  say(id: MessageId, params: Record<string, string | number>, data: unknown = params): void {
    if (this.json) process.stdout.write(`${JSON.stringify(data)}\n`);
    else process.stdout.write(`${message(this.locale, id, params)}\n`);
  }

  problems(problems: Problem[], data: unknown): void {
    if (this.json) {
      process.stdout.write(`${JSON.stringify(data)}\n`);
      return;
    }
    process.stdout.write(`${message(this.locale, 'problemsFound', { count: problems.length })}\n`);
    for (const p of problems) {
      const where = [p.sheet && p.cell ? `${p.sheet}!${p.cell}` : p.cell, p.key, p.field].filter(Boolean).join(' · ');
      process.stdout.write(`${message(this.locale, 'problemLine', { where: where ? `${where} : ` : '', message: problemText(p, this.locale) })}\n`);
    }
  }

  progress() {
    return terminalProgress(this.locale, !this.json);
  }
}

export async function main(argv: string[]): Promise<number> {
  const locale = terminalLocale();
  let exitCode = 0;
  const program = new Command('bobsync')
    .description('Mise à jour des synchronisations Sage BOB 50 ⇄ Sage CRM')
    .option('--json', 'machine-readable output (one JSON document per line)')
    .option('--user <name>', 'who runs the command, for the audit (default: the system user)')
    .showHelpAfterError()
    .exitOverride();

  const out = (): Output => new Output(locale, Boolean(program.opts<GlobalOptions>().json));
  const user = (): string => program.opts<GlobalOptions>().user ?? userInfo().username;
  const withDossier = async <T>(dossier: string, fn: (d: OpenDossier) => Promise<T>): Promise<T> => {
    const d = await openDossier(loadDossier(dossier));
    try {
      return await fn(d);
    } finally {
      await d.close();
    }
  };

  const sandbox = program.command('sandbox').description('the demo dossier: BOB 50 in SQLite and a Sage CRM simulator');
  sandbox
    .command('init')
    .description('creates the dossier, runs a first synchronisation, then edits both sides')
    .option('--dir <dir>', 'where to create it', DEFAULT_SANDBOX_DIR)
    .addOption(new Option('--customers <n>', 'number of customers').default(2000).argParser((v) => positiveInt(v, '--customers')))
    .addOption(new Option('--seed <n>', 'random seed').default(1).argParser((v) => positiveInt(v, '--seed')))
    .option('--force', 'replace an existing sandbox')
    .action(async (o: { dir: string; customers: number; seed: number; force?: boolean }) => {
      const o2 = out();
      const summary = await initSandbox({ dir: resolve(o.dir), customers: o.customers, seed: o.seed, force: Boolean(o.force), user: user(), progress: o2.progress() });
      o2.say('sandboxCreated', { dir: o.dir, ...summary });
    });
  sandbox
    .command('edit')
    .description('another round of edits on both sides')
    .option('--dir <dir>', 'the sandbox folder', DEFAULT_SANDBOX_DIR)
    .addOption(new Option('--seed <n>', 'random seed').default(2).argParser((v) => positiveInt(v, '--seed')))
    .action(async (o: { dir: string; seed: number }) => {
      out().say('sandboxEdited', await editSandbox({ dir: resolve(o.dir), seed: o.seed }));
    });

  program
    .command('pull')
    .description('computes the pending changes and writes them to an Excel file')
    .requiredOption('--dossier <dossier>', '"sandbox" or the folder of a dossier.json')
    .requiredOption('--out <file.xlsx>', 'the workbook to write')
    .addOption(new Option('--lang <locale>', 'language of the sheets').choices(['fr', 'nl', 'en']))
    .action(async (o: { dossier: string; out: string; lang?: Locale }) => {
      const o2 = out();
      await withDossier(o.dossier, async (d) => {
        const result = await d.engine.pull(user(), o2.progress());
        // The workbook remembers its dossier so that `apply` needs no --dossier: a path is kept absolute.
        await writePendingFile(resolve(o.out), d.engine, o.dossier === 'sandbox' ? o.dossier : resolve(o.dossier), o.lang ?? locale, result);
        o2.say('pulled', { pull: result.pull.id, out: o.out, ...zeroCounts(result.pull.counts) }, { pull: result.pull.id, out: o.out, counts: result.pull.counts });
      });
    });

  program
    .command('backup')
    .description('backs up both sides; required before a synchronisation')
    .requiredOption('--dossier <dossier>', '"sandbox" or the folder of a dossier.json')
    .action(async (o: { dossier: string }) => {
      const o2 = out();
      await withDossier(o.dossier, async (d) => {
        const b = await d.engine.backup(user(), o2.progress());
        o2.say('backupMade', { id: b.id, bob: b.bobCount, crm: b.crmCount, path: b.path, sha256: b.sha256 }, b);
      });
    });

  program
    .command('apply <file>')
    .description('checks (--dry-run) or synchronises (--confirm) the decisions of a pulled workbook')
    .option('--dry-run', 'check everything and predict each row, write nothing to BOB 50 or Sage CRM')
    .option('--confirm', '"Les informations de synchronisation sont correctes": synchronise')
    .option('--backup <id>', 'the backup to run against (default: the latest one made after the pull)')
    .option('--idempotency-key <key>', 'a retried command with the same key returns the first result')
    .option('--dossier <dossier>', 'the dossier (default: the one the workbook was pulled from)')
    .action(async (file: string, o: { dryRun?: boolean; confirm?: boolean; backup?: string; idempotencyKey?: string; dossier?: string }) => {
      const o2 = out();
      if (!o.dryRun && !o.confirm) {
        process.stderr.write(`${message(locale, 'confirmNeeded')}\n`);
        exitCode = 1;
        return;
      }
      const path = resolve(file);
      const workbook = await readPendingFile(path);
      await withDossier(o.dossier ?? workbook.dossier, async (d) => {
        const { request, problems } = requestFromWorkbook(workbook, d.engine);
        if (problems.length > 0) {
          o2.problems(problems, { problems });
          exitCode = 1;
          return;
        }
        const result = await d.engine.apply(
          { ...request, dryRun: Boolean(o.dryRun), confirmed: Boolean(o.confirm), backupId: o.backup, idempotencyKey: o.idempotencyKey, user: user() },
          o2.progress(),
        );
        exitCode = await report(o2, d, path, workbook.locale, result);
      });
    });

  program
    .command('undo <runId>')
    .description('puts back what a synchronisation wrote, while both systems still hold it')
    .requiredOption('--dossier <dossier>', '"sandbox" or the folder of a dossier.json')
    .option('--confirm', 'confirm the undo')
    .action(async (runId: string, o: { dossier: string; confirm?: boolean }) => {
      const o2 = out();
      await withDossier(o.dossier, async (d) => {
        const result = await d.engine.undo(runId, user(), Boolean(o.confirm));
        if (result.problems.length > 0) {
          o2.problems(result.problems, result);
          exitCode = 1;
          return;
        }
        o2.say('undone', { run: result.runId ?? '', undone: runId, applied: result.counts.applied ?? 0, failed: result.counts.failed ?? 0 }, result);
        if (result.counts.failed) exitCode = 2;
      });
    });

  program
    .command('audit [runId]')
    .description('exports the audit record of a run (--out file.xlsx, or --json), or checks the chain (--verify)')
    .option('--dossier <dossier>', '"sandbox" or the folder of a dossier.json', 'sandbox')
    .option('--out <file.xlsx>', 'the workbook to write')
    .option('--verify', 'recompute the hash chain of every audit record')
    .action(async (runId: string | undefined, o: { dossier: string; out?: string; verify?: boolean }) => {
      const o2 = out();
      await withDossier(o.dossier, async (d) => {
        if (o.verify) {
          const broken = d.store.verifyAudit();
          const count = d.store.auditRecords().length;
          if (broken) {
            o2.say('chainBroken', { seq: broken.seq, reason: broken.reason }, { intact: false, ...broken });
            exitCode = 1;
          } else o2.say('chainOk', { count }, { intact: true, count });
          return;
        }
        if (!runId) throw new Error('Give a run id, or --verify.');
        const audit = d.engine.audit(runId);
        if (o.out) {
          await writeAuditWorkbook(resolve(o.out), audit, locale);
          o2.say('auditWritten', { run: runId, out: o.out, chain: message(locale, audit.chainIntact ? 'intact' : 'broken') }, { run: runId, out: o.out, chainIntact: audit.chainIntact });
        } else process.stdout.write(`${JSON.stringify(audit, null, o2.json ? 0 : 2)}\n`);
        if (!audit.chainIntact) exitCode = 1;
      });
    });

  program
    .command('runs')
    .description('lists the synchronisations of a dossier')
    .option('--dossier <dossier>', '"sandbox" or the folder of a dossier.json', 'sandbox')
    .action(async (o: { dossier: string }) => {
      const o2 = out();
      await withDossier(o.dossier, async (d) => {
        const runs = d.engine.runs();
        if (o2.json) {
          process.stdout.write(`${JSON.stringify(runs.map(({ decisions: _d, result: _r, ...meta }) => meta))}\n`);
          return;
        }
        if (runs.length === 0) return o2.say('noRuns', { dossier: o.dossier });
        o2.say('runsHeader', { dossier: o.dossier });
        for (const r of runs) {
          const counts = Object.entries(summaryOf(r.result)).map(([k, v]) => `${k}=${v}`).join(' ');
          o2.say('runLine', { id: r.id, kind: r.kind, state: r.state, user: r.user, startedAt: r.startedAt, counts });
        }
      });
    });

  program
    .command('serve')
    .description('runs the sync service (HTTP API) as configured, until Ctrl+C')
    .requiredOption('--config <file>', 'the service configuration (see docs/service.md)')
    .action((o: { config: string }) => serveCommand(o.config));

  program
    .command('start')
    .description('runs the sync service on the sandbox with dev sign-in, creating the sandbox on first start (npm start)')
    .addOption(new Option('--port <n>', 'port on 127.0.0.1').default(3000).argParser((v) => positiveInt(v, '--port')))
    .action((o: { port: number }) => startCommand(o.port));

  program
    .command('token')
    .description('prints a dev sign-in token for the service, for --user (dev mode only)')
    .addOption(new Option('--role <role...>', 'the roles the token carries').choices(ROLES).makeOptionMandatory())
    .option('--dossier <id...>', 'limit the token to these dossiers', [])
    .option('--config <file>', 'the service configuration (default: the sandbox of bobsync start)')
    .action((o: { role: Role[]; dossier: string[]; config?: string }) => tokenCommand({ user: user(), roles: o.role, dossiers: o.dossier, config: o.config }));

  try {
    await program.parseAsync(argv);
  } catch (error) {
    // commander has already printed its own usage errors and help.
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  return exitCode;
}

async function report(o: Output, d: OpenDossier, file: string, locale: Locale, result: RunResult): Promise<number> {
  if (result.problems.length > 0) {
    o.problems(result.problems, result);
    return 1;
  }
  await writeRunToFile(file, locale, result, d.engine);
  const c = result.counts;
  const params = {
    file,
    run: result.runId ?? '',
    would: c.would_apply ?? 0,
    applied: c.applied ?? 0,
    failed: c.failed ?? 0,
    stale: c.stale ?? 0,
    skipped: c.skipped ?? 0,
    never: c.never ?? 0,
    blocked: c.blocked ?? 0,
  };
  if (result.replayed) o.say('replayed', params, result);
  else if (result.dryRun) o.say('dryRunOk', params, { dryRun: true, counts: c, results: result.results });
  else o.say('applied', params, { runId: result.runId, counts: c });
  return (c.failed ?? 0) + (c.stale ?? 0) > 0 ? 2 : 0;
}

function summaryOf(result: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of (result ?? []) as Array<{ status: string }>) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

const zeroCounts = (counts: Record<string, number>) => ({
  rows: 0, update: 0, link: 0, create_crm: 0, create_bob: 0, duplicate: 0, removed: 0, conflicts: 0,
  ...counts,
});

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a whole number of at least 1, not "${value}".`);
  return n;
}
