/**
 * The suites that need a MySQL/MariaDB server: run by `npm run test:mysql`, which starts a
 * throw-away one and passes where it is in BOBSYNC_MYSQL_* variables. `npm test` skips them.
 */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/mysql'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 120000,
};
