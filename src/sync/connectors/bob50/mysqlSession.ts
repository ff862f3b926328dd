/**
 * Connections to a BOB 50 dossier on MySQL or MariaDB (mysql2): the pool, the session settings
 * every connection gets, transactions, and connection failures turned into messages that say
 * what to fix.
 */
import type { PoolConnection as CorePoolConnection } from 'mysql2';
import mysql, { type Pool, type PoolConnection } from 'mysql2/promise';

export interface BobMysqlOptions {
  host: string;
  port?: number;
  /** A Unix socket instead of host and port. */
  socketPath?: string;
  database: string;
  user: string;
  password: string;
  /** Connections kept in the pool; one operation uses one. Default 4. */
  connectionLimit?: number;
  connectTimeoutMs?: number;
}

/**
 * Strict mode: a value the column cannot hold is an error, never silently cut or turned into
 * '?'. Our own checks run first with clearer messages; this is the safety net.
 */
const SESSION_SQL = "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION'";

export function createBobPool(options: BobMysqlOptions): Pool {
  const pool = mysql.createPool({
    host: options.host,
    port: options.port,
    socketPath: options.socketPath,
    database: options.database,
    user: options.user,
    password: options.password,
    connectionLimit: options.connectionLimit ?? 4,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
    // The client speaks UTF-8 whatever the columns hold; the server converts, and refuses what it cannot.
    charset: 'utf8mb4',
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
  });
  pool.on('connection', (connection) => {
    const core = connection as unknown as CorePoolConnection;
    // Queued before any other command of the connection; one that cannot be made strict is
    // dropped, so the command that needed it fails instead of running lax.
    core.query(SESSION_SQL, (error) => {
      if (error) core.destroy();
    });
  });
  return pool;
}

/** `host:port/database`, or the socket, as messages name the dossier. */
export const describeTarget = (o: BobMysqlOptions): string =>
  `${o.socketPath ?? `${o.host}:${o.port ?? 3306}`}/${o.database}`;

/** A connection failure with what to check, by the driver's error code. */
export function connectionError(error: unknown, o: BobMysqlOptions): Error {
  const code = (error as { code?: unknown }).code;
  const target = describeTarget(o);
  const hints: Record<string, string> = {
    ER_ACCESS_DENIED_ERROR: `the BOB 50 database refused user ${o.user}: check the user and its password`,
    ER_DBACCESS_DENIED_ERROR: `user ${o.user} has no rights on database ${o.database}: grant them in MySQL`,
    ER_BAD_DB_ERROR: `database ${o.database} does not exist on the server: check the database name`,
    ENOTFOUND: `host ${o.host} was not found: check the host name`,
    EAI_AGAIN: `host ${o.host} could not be resolved: check the host name and DNS`,
    ECONNREFUSED: 'nothing listens there: check host and port, and that MySQL is running',
    ETIMEDOUT: 'the server did not answer: check host, port and firewalls',
  };
  const hint = typeof code === 'string' ? hints[code] : undefined;
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`Cannot open the BOB 50 dossier at ${target}: ${hint ?? reason}`, { cause: error });
}

/**
 * Runs `fn` in a transaction on one connection: committed when it resolves, rolled back when
 * it throws, and the error rethrown.
 */
export async function inTransaction<T>(pool: Pool, fn: (conn: PoolConnection) => Promise<T>): Promise<T> {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const result = await fn(conn);
    await conn.commit();
    conn.release();
    return result;
  } catch (error) {
    try {
      await conn.rollback();
      conn.release();
    } catch {
      // The caller hears of the first failure. A connection that cannot roll back is closed
      // instead, and the server rolls the transaction back when the connection goes.
      conn.destroy();
    }
    throw error;
  }
}

/** Runs `fn` on one connection of the pool, outside any explicit transaction. */
export async function withConnection<T>(pool: Pool, fn: (conn: PoolConnection) => Promise<T>): Promise<T> {
  const conn = await pool.getConnection();
  try {
    return await fn(conn);
  } finally {
    conn.release();
  }
}
