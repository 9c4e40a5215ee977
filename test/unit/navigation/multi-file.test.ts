import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildModel, type ConfigModel } from '../../../server/src/model/config-model';
import { expandConfigGlobs, globToRegExp } from '../../../server/src/navigation/config-files';
import { findDefinitions } from '../../../server/src/navigation/definition';
import { findReferences } from '../../../server/src/navigation/references';
import { renameSymbol } from '../../../server/src/navigation/rename';
import { WorkspaceConfigs } from '../../../server/src/navigation/workspace-configs';
import { parseConfig } from '../../../server/src/syntax/parse-config';
import { applyEdits, marked, setOf } from './cursor';

const frontends = marked(`frontend web from <fromRef|shared
    bind :80
    use_backend <useRef|app if { path_beg /api }
    http-request track-sc0 src table <tableRef|app
    default_backend static
`);
const backends = marked(`backend <appDef|app
    stick-table type ip size 1m
    server s1 10.0.0.1:80

backend static
    server s2 10.0.0.2:80 track <trackRef|app/<trackSrv|s1
`);
const defaults = 'defaults shared\n    mode http\n    timeout client 5s\n';
const FE = 'file:///etc/haproxy/conf.d/10-frontends.cfg';
const BE = 'file:///etc/haproxy/conf.d/20-backends.cfg';
const DEF = 'file:///etc/haproxy/conf.d/00-defaults.cfg';

describe('navigation: multi-file configs', () => {
  const set = setOf({ [DEF]: defaults, [FE]: frontends.text, [BE]: backends.text });

  it('goes from a use_backend in one file to the backend in another', () => {
    const at = frontends.markers.get('useRef')!;
    const found = findDefinitions(set, FE, at.line, at.column);
    assert.deepEqual(found.map((l) => [l.uri, l.range.start.line]), [[BE, backends.markers.get('appDef')!.line]]);
  });

  it('goes from `from NAME` to a defaults section of another file', () => {
    const at = frontends.markers.get('fromRef')!;
    assert.deepEqual(findDefinitions(set, FE, at.line, at.column).map((l) => l.uri), [DEF]);
  });

  it('finds references in every file, and renames in every file', () => {
    const at = backends.markers.get('appDef')!;
    const refs = findReferences(set, BE, at.line, at.column, false);
    assert.deepEqual(refs.map((l) => `${l.uri === FE ? 'fe' : 'be'}:${l.range.start.line + 1}`), ['fe:3', 'fe:4', 'be:6']);
    const result = renameSymbol(set, BE, at.line, at.column, 'api');
    assert.ok('changes' in result);
    const renamedFrontends = applyEdits(frontends.text, result.changes.get(FE)!);
    assert.match(renamedFrontends, /use_backend api if/);
    assert.match(renamedFrontends, /table api\n/);
    assert.match(applyEdits(backends.text, result.changes.get(BE)!), /^backend api\n[\s\S]*track api\/s1/);
  });

  it('refuses a rename that collides with a name defined in another file', () => {
    const two = setOf({ [FE]: 'frontend web\n    bind :80\n    default_backend <ref|app\n'.replace('<ref|', ''), [BE]: backends.text });
    const at = backends.markers.get('appDef')!;
    const result = renameSymbol(two, BE, at.line, at.column, 'static');
    assert.ok('error' in result && /already exists/.test(result.error));
  });

  it('resolves track BACKEND/SERVER to the server of that backend', () => {
    const at = backends.markers.get('trackSrv')!;
    assert.deepEqual(findDefinitions(set, BE, at.line, at.column).map((l) => l.range.start.line), [2]);
  });
});

describe('navigation: haproxy.configFiles in a workspace', () => {
  let root: string;
  const open = new Map<string, ConfigModel>();
  let configs: WorkspaceConfigs;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'haproxy-configs-'));
    mkdirSync(join(root, 'conf.d'));
    writeFileSync(join(root, 'conf.d', '20-backends.cfg'), backends.text);
    writeFileSync(join(root, 'conf.d', '10-frontends.cfg'), 'frontend stale\n');
    writeFileSync(join(root, 'conf.d', 'notes.txt'), 'not a config\n');
    writeFileSync(join(root, 'global.cfg'), `global\n    maxconn 100\n\n${defaults}`);
    configs = new WorkspaceConfigs({ uris: () => [...open.keys()], model: (uri) => open.get(uri) });
    configs.configure([root], ['global.cfg', 'conf.d/*.cfg']);
    const frontendUri = pathToFileURL(join(root, 'conf.d', '10-frontends.cfg')).href;
    open.set(frontendUri, buildModel(parseConfig(frontends.text), { external: configs.externalFor(frontendUri) }));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('lists the files in glob order, each glob sorted by name', () => {
    assert.deepEqual(
      configs.memberUris().map((uri) => uri.slice(pathToFileURL(root).href.length + 1)),
      ['global.cfg', 'conf.d/10-frontends.cfg', 'conf.d/20-backends.cfg'],
    );
  });

  it('reads open documents from the editor and the others from disk', () => {
    const frontendUri = pathToFileURL(join(root, 'conf.d', '10-frontends.cfg')).href;
    const at = frontends.markers.get('useRef')!;
    const found = findDefinitions(configs.setFor(frontendUri), frontendUri, at.line, at.column);
    assert.deepEqual(found.map((l) => l.uri), [pathToFileURL(join(root, 'conf.d', '20-backends.cfg')).href]);
  });

  it('lets a model see backends and defaults of the other files', () => {
    const frontendUri = pathToFileURL(join(root, 'conf.d', '10-frontends.cfg')).href;
    const model = open.get(frontendUri)!;
    assert.equal(model.findBackend('app')?.name, 'app');
    assert.equal(model.findBackend('nowhere'), undefined);
    assert.equal(model.proxies[0].mode, 'http', 'the frontend inherits `mode http` from the defaults in global.cfg');
    assert.equal(model.definitionsOf('backend', 'static').length, 1);
    const lone = buildModel(parseConfig(frontends.text));
    assert.equal(lone.findBackend('app'), undefined);
    assert.equal(lone.proxies[0].mode, 'tcp');
  });

  it('keeps a file outside the list on its own', () => {
    const outside = 'file:///somewhere/else.cfg';
    assert.equal(configs.externalFor(outside), undefined);
    assert.deepEqual(configs.setFor(outside).members.map((m) => m.uri), [outside]);
  });
});

describe('navigation: config file globs', () => {
  it('matches *, **, ?, classes and alternatives', () => {
    const cases: [string, string, boolean][] = [
      ['*.cfg', 'a.cfg', true],
      ['*.cfg', 'dir/a.cfg', false],
      ['**/*.cfg', 'a.cfg', true],
      ['**/*.cfg', 'x/y/a.cfg', true],
      ['conf.d/??-*.cfg', 'conf.d/10-web.cfg', true],
      ['conf.d/??-*.cfg', 'conf.d/1-web.cfg', false],
      ['conf[.]d/[0-9]*.cfg', 'conf.d/5.cfg', true],
      ['{global,defaults}.cfg', 'defaults.cfg', true],
      ['{global,defaults}.cfg', 'frontends.cfg', false],
      ['a.cfg', 'abcfg', false],
    ];
    for (const [glob, path, expected] of cases) assert.equal(globToRegExp(glob).test(path), expected, `${glob} ~ ${path}`);
  });

  it('expands a folder to its .cfg files in name order, and skips missing files', () => {
    const root = mkdtempSync(join(tmpdir(), 'haproxy-globs-'));
    try {
      mkdirSync(join(root, 'd'));
      for (const name of ['b.cfg', 'a.cfg', 'c.txt', 'B.cfg']) writeFileSync(join(root, 'd', name), '');
      writeFileSync(join(root, 'top.cfg'), '');
      assert.deepEqual(
        expandConfigGlobs(root, ['top.cfg', 'd', 'missing.cfg', 'd/a.cfg']).map((p) => p.slice(root.length + 1)),
        ['top.cfg', 'd/B.cfg', 'd/a.cfg', 'd/b.cfg'],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
