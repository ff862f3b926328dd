/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type errors are caught once by `npm run typecheck`; transpiling alone keeps jest fast.
  transform: { "^.+\\.ts$": "ts-jest" },
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/mysql/'],
};
