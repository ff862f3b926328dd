/**
 * The BOB 50 connector on a throw-away MariaDB server (Debian's mariadb-server): streaming
 * 100,000 AC_COMPAN rows with flat memory, and 10,000 updates in multi-row statements within
 * transactions against one autocommitted statement per row.
 */
import mysql from 'mysql2/promise';
import { createBobMysqlDossier, openBobMysql, type BobMysqlOptions } from '../src/sync/connectors/bob50';
import type { BobCustomer } from '../src/sync/domain/customer';
import { startThrowAwayMariaDb } from '../test/mysql/throwAwayMariaDb';
import { fmt, timed, type Bench } from './harness';

const ROWS = 100_000;
const UPDATES = 10_000;
const ENGINE_BATCH = 500;

const party = (i: number): BobCustomer => ({
  cid: `T${String(i).padStart(6, '0')}`,
  isCustomer: i % 10 !== 0,
  isSupplier: i % 10 === 0,
  values: {
    name: `Société ${i}`,
    address1: `Rue de la Station ${i % 300}`,
    postcode: '5000',
    city: 'Namur',
    country: 'BE',
    vat: `BE0${String(400_000_000 + i)}`,
    email: `info${i}@example.be`,
    'cf.REGION': i % 2 ? 'Wallonie' : 'Vlaanderen',
  },
});

const rssMb = (): number => process.memoryUsage().rss / 2 ** 20;

async function streamFigures(options: BobMysqlOptions) {
  const bob = await openBobMysql(options);
  try {
    global.gc?.();
    let atTenth = 0;
    let peak = 0;
    let count = 0;
    const { seconds } = await timed(async () => {
      for await (const _customer of bob.stream()) {
        if (++count === ROWS / 10) atTenth = rssMb();
        if (count % 1000 === 0) peak = Math.max(peak, rssMb());
      }
    });
    const growth = peak - atTenth;
    return { seconds, perSecond: count / seconds, growth, atTenth, peak, count };
  } finally {
    await bob.close();
  }
}

async function bufferedGrowth(options: BobMysqlOptions): Promise<number> {
  const conn = await mysql.createConnection(options);
  try {
    const before = rssMb();
    const [rows] = await conn.query({ sql: 'SELECT * FROM AC_COMPAN c LEFT JOIN AC_CFVAL v ON v.CID = c.CID ORDER BY c.CID', rowsAsArray: true });
    const after = rssMb();
    if ((rows as unknown[]).length < ROWS) throw new Error('buffered read came back short');
    return after - before;
  } finally {
    await conn.end();
  }
}

async function updateFigures(options: BobMysqlOptions) {
  const bob = await openBobMysql(options);
  const round = (tag: string) =>
    Array.from({ length: UPDATES }, (_, i) => ({ cid: party(i * 7).cid, values: { city: `${tag} ${i}`, name: `Société ${i} ${tag}` } }));
  try {
    const oneCall = await timed(() => bob.update(round('A')));
    const engineBatches = await timed(async () => {
      const updates = round('B');
      for (let i = 0; i < updates.length; i += ENGINE_BATCH) await bob.update(updates.slice(i, i + ENGINE_BATCH));
    });
    const conn = await mysql.createConnection(options);
    const perRow = await timed(async () => {
      for (const { cid, values } of round('C')) {
        await conn.query('UPDATE AC_COMPAN SET CLOCALITY = ?, CNAME1 = ? WHERE CID = ?', [values.city, values.name, cid]);
      }
    });
    await conn.end();
    const check = await bob.readMany([party(7 * 9_999).cid]);
    if (check.get(party(7 * 9_999).cid)?.values.city !== 'C 9999') throw new Error('the per-row updates did not land');
    return { oneCall: oneCall.seconds, engineBatches: engineBatches.seconds, perRow: perRow.seconds };
  } finally {
    await bob.close();
  }
}

export const mysqlBobBench: Bench = {
  id: 'mysql',
  title: `BOB 50 on MariaDB: streaming ${ROWS.toLocaleString('en')} AC_COMPAN rows, ${UPDATES.toLocaleString('en')} updates`,
  async run() {
    const server = await startThrowAwayMariaDb();
    try {
      const admin = await mysql.createConnection({ host: server.host, port: server.port, user: server.user, password: server.password });
      await admin.query('CREATE DATABASE bench CHARACTER SET latin1');
      await admin.end();
      const options: BobMysqlOptions = { host: server.host, port: server.port, user: server.user, password: server.password, database: 'bench' };
      const thirdParties = Array.from({ length: ROWS }, (_, i) => party(i));
      const load = await timed(() =>
        createBobMysqlDossier(options, { thirdParties, customFieldDefs: [{ name: 'REGION', type: 'string', length: 20 }] }),
      );
      const stream = await streamFigures(options);
      const buffered = await bufferedGrowth(options);
      const updates = await updateFigures(options);
      const rate = (seconds: number) => fmt(UPDATES / seconds, 0);
      const ratio = updates.perRow / updates.oneCall;
      return {
        lines: [
          `Throw-away MariaDB on loopback (default durability: a commit waits for the log on disk). Loading ${ROWS.toLocaleString('en')} rows took ${fmt(load.seconds)} s.`,
          '',
          '| read | rows/s | RSS growth |',
          '|---|---|---|',
          `| streamed (connector) | ${fmt(stream.perSecond, 0)} | ${fmt(stream.growth, 1)} MB from row ${ROWS / 10} to row ${ROWS} (${fmt(stream.atTenth, 0)} → ${fmt(stream.peak, 0)} MB) |`,
          `| buffered by the driver, for comparison | — | ${fmt(buffered, 1)} MB |`,
          '',
          '| updates | seconds | rows/s |',
          '|---|---|---|',
          `| one call: multi-row statements in one transaction | ${fmt(updates.oneCall)} | ${rate(updates.oneCall)} |`,
          `| calls of ${ENGINE_BATCH} (the engine's batch), a transaction each | ${fmt(updates.engineBatches)} | ${rate(updates.engineBatches)} |`,
          `| one autocommitted statement per row | ${fmt(updates.perRow)} | ${rate(updates.perRow)} |`,
          '',
          `Ratio batched / per row: ${fmt(ratio)}×`,
        ],
        goals: [
          { goal: `streaming keeps memory flat: < 32 MB of growth from row ${ROWS / 10} to row ${ROWS} (${fmt(stream.growth, 1)} MB)`, met: stream.growth < 32 },
          { goal: `batched updates faster than one statement per row (${fmt(ratio)}×)`, met: ratio > 1 },
        ],
      };
    } finally {
      await server.stop();
    }
  },
};
