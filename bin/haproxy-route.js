#!/usr/bin/env node
try {
  require('node:module').enableCompileCache?.();
} catch {}
require('../dist/cli/haproxy-route.js');
