import { strict as assert } from 'node:assert';
import { InsertTextFormat, type ClientCapabilities, type CompletionItem, type CompletionList, type MarkupContent } from 'vscode-languageserver';
import { ConfigDocument } from '../../server/src/analysis/config-document';
import { CompletionProvider } from '../../server/src/lsp/completion';
import { MAX_COMPLETION_ITEMS } from '../../server/src/language/completion-limit';

const CONFIG = ['frontend fe', '    bind :80', '    use_backend ', '', 'backend be_one', '    server a 10.0.0.1:80', '', 'backend be_two', '    server b 10.0.0.2:80', '    '].join('\n');
const URI = 'file:///tmp/completion-list/haproxy.cfg';

function provider(capabilities: ClientCapabilities['textDocument']): CompletionProvider {
  const completion = new CompletionProvider();
  completion.configure({ textDocument: capabilities });
  return completion;
}

function complete(completion: CompletionProvider, line: number, character: number): { list: CompletionList; document: ConfigDocument } {
  const document = new ConfigDocument(URI, CONFIG, 1);
  const list = completion.complete(document, { textDocument: { uri: URI }, position: { line, character } }, {});
  assert.ok(list);
  return { list, document };
}

/** What a client does with a list's defaults before it resolves an item (LSP 3.17). */
function withDefaults(list: CompletionList, item: CompletionItem): CompletionItem {
  return { ...item, data: item.data ?? list.itemDefaults?.data };
}

describe('completion lists on the wire', () => {
  const withItemDefaults = provider({
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] }, completionList: { itemDefaults: ['editRange', 'insertTextFormat', 'data'] } },
  });

  it('sends the range, the text format and the shared resolve data once, as item defaults', () => {
    const { list, document } = complete(withItemDefaults, 2, 16);
    const range = { start: { line: 2, character: 16 }, end: { line: 2, character: 16 } };
    assert.deepEqual(list.itemDefaults?.editRange, range);
    assert.equal(list.itemDefaults?.insertTextFormat, InsertTextFormat.PlainText);
    assert.deepEqual(list.itemDefaults?.data, { uri: URI, ref: { kind: 'backend' } });
    const backends = list.items.filter((item) => item.label.startsWith('be_'));
    assert.deepEqual(backends.map((item) => item.label), ['be_one', 'be_two']);
    for (const item of backends) {
      assert.deepEqual(Object.keys(item).sort(), ['detail', 'kind', 'label', 'sortText'], `${item.label} carries only what differs`);
    }
    const resolved = withItemDefaults.resolve(withDefaults(list, backends[1]), () => document);
    assert.match((resolved.documentation as MarkupContent).value, /\*\*backend\*\* `be_two`/);
  });

  it('gives an item its own text when it inserts more than its label, and its own data when it differs', () => {
    const { list, document } = complete(withItemDefaults, 9, 4);
    const timeout = list.items.find((item) => item.label === 'timeout server');
    assert.ok(timeout);
    assert.equal(timeout.insertTextFormat, InsertTextFormat.Snippet);
    assert.match(timeout.textEditText ?? '', /^timeout server \$\{1/);
    assert.equal(timeout.textEdit, undefined);
    const resolved = withItemDefaults.resolve(withDefaults(list, timeout), () => document);
    assert.match((resolved.documentation as MarkupContent).value, /#4\.2-timeout%20server/);
    const balance = list.items.find((item) => item.label === 'balance')!;
    const documented = withItemDefaults.resolve(withDefaults(list, balance), () => document);
    assert.match((documented.documentation as MarkupContent).value, /#4\.2-balance/);
  });

  it('puts everything in each item for a client without item defaults', () => {
    const plain = provider({ completion: { completionItem: { snippetSupport: false } } });
    const { list, document } = complete(plain, 2, 16);
    assert.equal(list.itemDefaults, undefined);
    const item = list.items.find((i) => i.label === 'be_two')!;
    assert.deepEqual(item.textEdit, { newText: 'be_two', range: { start: { line: 2, character: 16 }, end: { line: 2, character: 16 } } });
    assert.equal(item.insertTextFormat, InsertTextFormat.PlainText);
    assert.deepEqual(item.data, { uri: URI, ref: { kind: 'backend' } });
    assert.match((plain.resolve(item, () => document).documentation as MarkupContent).value, /`be_two`/);
  });
});

describe('completion lists too long to send whole', () => {
  it(`sends the backends matching what is typed, at most ${MAX_COMPLETION_ITEMS}, and asks to be asked again`, () => {
    const backends = Array.from({ length: 700 }, (_, i) => `backend ${i % 2 ? 'app' : 'db'}_${i}\n    server s 10.0.0.1:80\n`).join('');
    const text = `frontend fe\n    bind :80\n    use_backend db\n\n${backends}`;
    const completion = provider({ completion: { completionItem: {}, completionList: { itemDefaults: ['editRange', 'data'] } } });
    const list = completion.complete(new ConfigDocument(URI, text, 1), { textDocument: { uri: URI }, position: { line: 2, character: 18 } }, {});
    assert.ok(list);
    assert.equal(list.isIncomplete, true);
    assert.equal(list.items.length, MAX_COMPLETION_ITEMS);
    assert.ok(list.items.every((item) => item.label.startsWith('db_')));
    assert.deepEqual(list.items.slice(0, 3).map((item) => item.label), ['db_0', 'db_2', 'db_4'], 'in the order they are defined');
    const all = completion.complete(new ConfigDocument(URI, text, 1), { textDocument: { uri: URI }, position: { line: 2, character: 16 } }, {});
    assert.equal(all?.items.length, MAX_COMPLETION_ITEMS);
    assert.equal(all?.isIncomplete, true);
  });
});
