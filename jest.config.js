/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type errors are caught once by `npm run typecheck`; transpiling alone keeps jest fast.
  transform: {
    "^.+\\.ts$": "ts-jest",
    // jose and content-disposition (of @fastify/static) ship ES modules only; jest runs
    // CommonJS, so their files are transpiled too.
    "/node_modules/(jose|content-disposition)/.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose|content-disposition)/)'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/mysql/'],
};
