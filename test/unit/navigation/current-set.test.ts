import { strict as assert } from 'node:assert';
import { buildModel, type ConfigModel } from '../../../server/src/model/config-model';
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
