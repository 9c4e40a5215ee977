import { strict as assert } from 'node:assert';
import { buildModel, type ConfigModel } from '../../../server/src/model/config-model';
import { occurrencesInSlices, occurrencesOf } from '../../../server/src/navigation/occurrences';
import { findReferences } from '../../../server/src/navigation/references';
import { WorkspaceConfigs } from '../../../server/src/navigation/workspace-configs';
import { parseConfig } from '../../../server/src/syntax/parse-config';

const URI = 'file:///etc/haproxy/haproxy.cfg';
const TEXT = 'frontend fe\n    bind :80\n    default_backend app\n\nbackend app\n    server s1 10.0.0.1:80\n';

describe('navigation: the config set of a request', () => {
  const open = new Map<string, ConfigModel>();
  const configs = new WorkspaceConfigs({ uris: () => [...open.keys()], model: (uri) => open.get(uri) });

  it('is the same set, indexes included, until the document changes', () => {
    open.set(URI, buildModel(parseConfig(TEXT)));
    const first = configs.currentSetFor(URI);
    assert.equal(configs.currentSetFor(URI), first);
    assert.deepEqual(findReferences(first, URI, 2, 21, true).map((l) => l.range.start.line), [2, 4]);

    open.set(URI, buildModel(parseConfig(TEXT.replace('default_backend app', 'default_backend app\n    use_backend app if TRUE'))));
    const second = configs.currentSetFor(URI);
    assert.notEqual(second, first);
    assert.deepEqual(findReferences(second, URI, 2, 21, true).map((l) => l.range.start.line), [2, 3, 5]);
  });

  it('finds the name under the cursor at its first and last character, and nothing on the blanks around it', () => {
    open.set(URI, buildModel(parseConfig(TEXT)));
    const set = configs.currentSetFor(URI);
    assert.equal(set.occurrenceAt(URI, 2, 20)?.name, 'app');
    assert.equal(set.occurrenceAt(URI, 2, 23)?.name, 'app', 'just after the word still hits it');
    assert.equal(set.occurrenceAt(URI, 2, 19), undefined);
    assert.equal(set.occurrenceAt(URI, 4, 8)?.role, 'definition');
    assert.equal(set.occurrenceAt(URI, 99, 0), undefined);
  });
});

describe('navigation: indexes built in slices', () => {
  it('gives the same answers whether its indexes were built in slices or on the first lookup', () => {
    const text = Array.from({ length: 30 }, (_, i) => `backend b${i}\n    server s 10.0.0.1:80\n`).join('') + 'frontend fe\n    bind :80\n    default_backend b7\n';
    const stepped = new WorkspaceConfigs({ uris: () => [URI], model: () => model });
    const model = buildModel(parseConfig(text));
    const set = stepped.currentSetFor(URI);
    assert.ok([...set.indexInSlices(4)].length > 2, 'the work pauses between slices');
    const line = text.split('\n').length - 2;
    const fresh = new WorkspaceConfigs({ uris: () => [URI], model: () => buildModel(parseConfig(text)) }).currentSetFor(URI);
    assert.deepEqual(
      findReferences(set, URI, line, 21, true).map((l) => l.range.start.line),
      findReferences(fresh, URI, line, 21, true).map((l) => l.range.start.line),
    );
    assert.deepEqual(findReferences(set, URI, line, 21, true).map((l) => l.range.start.line), [14, line]);
  });
});

describe('navigation: occurrences built a slice at a time', () => {
  it('lists the same occurrences in the same order as a build at once', () => {
    const text = Array.from({ length: 12 }, (_, i) => `backend b${i}\n    acl a${i} path /x\n    server s${i} 10.0.0.1:80 track b0/s0\n    use-server s${i} if a${i}\n`).join('');
    const stepped = buildModel(parseConfig(text));
    for (const pause of occurrencesInSlices(stepped, URI, 3)) void pause;
    const summary = (model: ConfigModel) => occurrencesOf(model, URI).map((o) => `${o.role} ${o.kind} ${o.name} ${o.range.start.offset}`);
    assert.deepEqual(summary(stepped), summary(buildModel(parseConfig(text))));
    assert.ok(summary(stepped).length > 40);
  });

  it('stops when a lookup has built the list in the meantime, leaving that list in place', () => {
    const text = Array.from({ length: 12 }, (_, i) => `backend b${i}\n    server s${i} 10.0.0.1:80\n`).join('');
    const model = buildModel(parseConfig(text));
    const slices = occurrencesInSlices(model, URI, 2);
    slices.next();
    const built = occurrencesOf(model, URI);
    assert.equal([...slices].length, 0);
    assert.equal(occurrencesOf(model, URI), built);
  });
});
