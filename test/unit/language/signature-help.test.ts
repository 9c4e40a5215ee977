import { strict as assert } from 'node:assert';
import { ConfigDocument } from '../../../server/src/analysis/config-document';
import { signatureHelpAt, type SignatureHelpResult } from '../../../server/src/language/signature-help';
import { argumentShapes, getKeyword } from '../../../server/src/model/catalog';
import { cursorIn } from '../../support/cursor';

function helpAt(source: string, version?: string): SignatureHelpResult | undefined {
  const { text, line, column } = cursorIn(source);
  return signatureHelpAt(new ConfigDocument('file:///work/haproxy.cfg', text, 1, version ? { version } : {}), line, column);
}

/** The active signature's label and the text of its active parameter. */
function active(source: string, version?: string): { label: string; parameter: string | undefined; doc?: string } {
  const help = helpAt(source, version);
  assert.ok(help, `signature help at ${JSON.stringify(source)}`);
  const signature = help.signatures[help.activeSignature];
  const parameter = signature.parameters[help.activeParameter];
  return { label: signature.label, parameter: parameter && signature.label.slice(parameter.label[0], parameter.label[1]), doc: parameter?.documentation };
}

describe('signature help', () => {
  it('shows the syntax of a keyword with the parameter the cursor fills', () => {
    assert.deepEqual(active('backend be\n    timeout server <|>\n').parameter, '<timeout>');
    assert.deepEqual(active('backend be\n    timeout server 3<|>\n').parameter, '<timeout>');
    const after = helpAt('backend be\n    timeout server 30s <|>\n')!;
    assert.equal(after.activeParameter, after.signatures[after.activeSignature].parameters.length, 'no parameter after the last one');
    assert.match(active('backend be\n    timeout server <|>\n').doc ?? '', /duration/);
  });

  it('moves through the parameters as words are typed', () => {
    const steps = ['<method>', '<function>', '<modifier>'];
    const typed = ['', 'consistent ', 'consistent sdbm '];
    typed.forEach((words, i) => assert.equal(active(`backend be\n    hash-type ${words}<|>\n`).parameter, steps[i]));
    assert.match(active('backend be\n    hash-type consistent <|>\n').doc ?? '', /One of: sdbm, djb2, wt6, crc32/);
  });

  it('offers every syntax form and picks the one the typed words fit', () => {
    const help = helpAt('backend be\n    option httpchk GET <|>\n')!;
    const shapes = argumentShapes(getKeyword('proxy', 'option httpchk')!, '3.4');
    assert.equal(help.signatures.length, shapes.length);
    const signature = help.signatures[help.activeSignature];
    assert.equal(signature.label.slice(...signature.parameters[help.activeParameter].label), '<uri>');
    assert.equal(active('backend be\n    balance url_param <|>\n').label, 'balance url_param <param> [check_post]');
    assert.equal(active('backend be\n    balance url_param <|>\n').parameter, '<param>');
    assert.equal(active('backend be\n    balance <|>\n').parameter, '<algorithm>');
  });

  it('follows the action of a rule line, and the condition', () => {
    const header = active('frontend fe\n    http-request set-header X-Host <|>\n');
    assert.equal(header.label, 'http-request set-header <name> <fmt>');
    assert.equal(header.parameter, '<fmt>');
    assert.equal(active('frontend fe\n    use_backend app if <|>\n').parameter, '[{if | unless} <condition>]');
    assert.equal(active('backend be\n    stick-table type ip size <|>\n').parameter, '<size>');
  });

  it('shows the arguments of a fetch, converter or action call inside its parentheses', () => {
    const fetch = active('frontend fe\n    acl h req.hdr(host,<|>\n');
    assert.equal(fetch.label, 'req.hdr([<name>],[<occ>])');
    assert.equal(fetch.parameter, '[<occ>]');
    const converter = active('frontend fe\n    http-request set-header X %[src,map_str(<|>\n');
    assert.equal(converter.parameter, '<map_name>');
    assert.equal(active('frontend fe\n    http-request set-var(<|>\n').parameter, '<var-name>');
  });

  it('gives nothing where no keyword takes arguments', () => {
    assert.equal(helpAt('backend be\n    <|>\n'), undefined);
    assert.equal(helpAt('backend be\n    frobnicate <|>\n'), undefined);
    assert.equal(helpAt('backend be\n    # timeout server <|>\n'), undefined);
    assert.equal(helpAt('backend <|>\n'), undefined);
    assert.equal(helpAt('backend be\n    option allbackups <|>\n'), undefined);
  });
});
