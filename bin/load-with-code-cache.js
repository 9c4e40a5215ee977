'use strict';
// Loads a bundled CommonJS file with V8's code cache, so that a command-line run does not compile the bundle's
// functions again each time. Node 22 has this built in (module.enableCompileCache); Node 20 does not, so the
// cache is kept here: one file per bundle, Node version and bundle build, in the user's cache directory.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

function cacheDirectory() {
  if (process.env.HAPROXY_CONFIG_TOOLS_CACHE) return process.env.HAPROXY_CONFIG_TOOLS_CACHE;
  const base = process.env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : os.tmpdir());
  return path.join(base, 'haproxy-config-tools');
}

function cacheFileFor(file, stat) {
  const tag = `${path.basename(file, '.js')}-${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}`;
  return path.join(cacheDirectory(), `${tag}.v8cache`);
}

function readCache(cacheFile) {
  try {
    return fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function writeCache(cacheFile, data) {
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, cacheFile);
  } catch {
    // A cache that cannot be written only costs speed.
  }
}

/** Runs `file` as the main module's code, compiled from the code cache when one matches. */
function loadWithCodeCache(file) {
  if (typeof Module.enableCompileCache === 'function' || process.env.HAPROXY_CONFIG_TOOLS_CACHE === 'off') {
    try {
      Module.enableCompileCache?.();
    } catch {}
    return require(file);
  }
  const stat = fs.statSync(file);
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = cacheFileFor(file, stat);
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const compiled = script.runInThisContext();
  const bundle = new Module(file, module);
  bundle.filename = file;
  bundle.paths = Module._nodeModulePaths(path.dirname(file));
  const needsCache = cachedData === undefined || script.cachedDataRejected;
  // The cache is written after the run, when it holds the functions the run compiled, not only the top level.
  if (needsCache) process.once('exit', () => writeCache(cacheFile, script.createCachedData()));
  compiled.call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, path.dirname(file));
  return bundle.exports;
}

module.exports = { loadWithCodeCache };
