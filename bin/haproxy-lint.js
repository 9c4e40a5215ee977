#!/usr/bin/env node
require('./load-with-code-cache.js').loadWithCodeCache(require('node:path').join(__dirname, '../dist/cli/haproxy-lint.js'));
