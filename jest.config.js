/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type errors are caught once by `npm run typecheck`; transpiling alone keeps jest fast.
  transform: {
    "^.+\\.ts$": "ts-jest",
    // jose ships ES modules only; jest runs CommonJS, so its files are transpiled too.
    "/node_modules/jose/.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/mysql/'],
};
