/** Dossier places on the MariaDB server `npm run test:mysql` started: one new database each. */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { BobMysqlOptions } from '../../src/sync/connectors/bob50';
import { createBobMysqlDossier, openBobMysql } from '../../src/sync/connectors/bob50';
import type { DossierPlace } from '../sync/connectors/bob50/connectorSuite';
import { mysqlFromEnv } from './throwAwayMariaDb';

/**
 * A new, empty database. BOB's data came from Windows: `latin1` (cp1252 in MySQL terms) is
 * assumed as the dossier's character set unless another is asked for.
 */
export async function newDatabase(charset = 'latin1'): Promise<{ options: BobMysqlOptions; drop(): Promise<void> }> {
  const server = mysqlFromEnv();
  const database = `bob_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection(server);
  try {
    await admin.query(`CREATE DATABASE ${database} CHARACTER SET ${charset}`);
  } finally {
    await admin.end();
  }
  return {
    options: { ...server, database },
    drop: async () => {
      const conn = await mysql.createConnection(server);
      try {
        await conn.query(`DROP DATABASE ${database}`);
      } finally {
        await conn.end();
      }
    },
  };
}

export async function mysqlPlace(charset?: string): Promise<DossierPlace> {
  const { options, drop } = await newDatabase(charset);
  const run = async <T>(sql: string): Promise<T[]> => {
    const conn = await mysql.createConnection(options);
    try {
      const [rows] = await conn.query(sql);
      return rows as T[];
    } finally {
      await conn.end();
    }
  };
  return {
    create: (content, mapping) => createBobMysqlDossier(options, content, mapping),
    open: (mapping) => openBobMysql(options, mapping),
    exec: async (sql) => {
      await run(sql);
    },
    query: async <T>(sql: string) => (await run<T>(sql)).map((row) => ({ ...row })),
    refuseName: async (value) => {
      await run(`CREATE TRIGGER refuse_name BEFORE UPDATE ON AC_COMPAN FOR EACH ROW
                 BEGIN IF NEW.CNAME1 = '${value}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'provoked failure'; END IF; END`);
    },
    remove: drop,
  };
}
