#!/usr/bin/env node
require('../dist/sync/cli.js').main(process.argv).then((code) => {
  process.exitCode = code;
});
