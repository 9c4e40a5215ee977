import assert from 'node:assert/strict';
import {
  addedIn,
  clampVersion,
  docsUrl,
  findKeywordsNamed,
  getKeyword,
  isAllowedIn,
  isDeprecatedIn,
  isDocumentedIn,
  isHttpOnly,
  isKnownIn,
  placesIn,
  removedAfter,
  ruleSetActions,
  sectionKeywords,
  syntaxLines,
} from '../../../server/src/model/catalog/index';

const must = <T>(value: T | undefined): T => {
  assert.ok(value !== undefined);
  return value;
};

describe('catalog API', () => {
  it('finds keywords by kind and name, and every kind sharing a name', () => {
    assert.equal(must(getKeyword('proxy', 'timeout client')).kind, 'proxy');
    assert.equal(getKeyword('proxy', 'timeout clients'), undefined);
    assert.deepEqual(findKeywordsNamed('crt').map((e) => e.kind).sort(), ['bind', 'crt-store-load', 'server']);
  });

  it('knows which versions have a keyword', () => {
    const nbproc = must(getKeyword('global', 'nbproc'));
    assert.equal(isKnownIn(nbproc, '2.4'), true);
    assert.equal(isKnownIn(nbproc, '2.5'), false);
    assert.deepEqual([addedIn(nbproc), removedAfter(nbproc)], ['2.4', '2.4']);
    const counters = must(getKeyword('global', 'tune.stick-counters'));
    assert.deepEqual([addedIn(counters), removedAfter(counters)], ['2.8', undefined]);
    const bindProcess = must(getKeyword('bind', 'process'));
    assert.deepEqual([removedAfter(bindProcess), isDeprecatedIn(bindProcess, '2.6'), isDeprecatedIn(bindProcess, '2.4')], ['2.6', true, false]);
  });

  it('fills the versions a manual dropped by accident and the 2.6 binary proves', () => {
    const setVar = must(getKeyword('action', 'set-var'));
    assert.equal(isKnownIn(setVar, '2.6'), true);
    assert.equal(isDocumentedIn(setVar, '2.6'), false);
    assert.equal(isDocumentedIn(setVar, '2.8'), true);
    const hostOnly = must(getKeyword('converter', 'host_only'));
    assert.deepEqual([isKnownIn(hostOnly, '2.6'), isKnownIn(hostOnly, '2.5')], [true, false]);
    const scook = must(getKeyword('acl-derived', 'scook_beg'));
    assert.deepEqual([scook.origin, scook.fetch, scook.matchMethod, isKnownIn(scook, '2.6')], ['binary', 'res.cook', 'beg', true]);
  });

  it('links to the anchor of the requested version', () => {
    const timeout = must(getKeyword('proxy', 'timeout client'));
    assert.equal(docsUrl(timeout, '3.4'), 'https://docs.haproxy.org/3.4/configuration.html#4.2-timeout%20client');
    const redirect = must(getKeyword('action', 'redirect'));
    assert.equal(docsUrl(redirect, '2.8', 'http-response'), 'https://docs.haproxy.org/2.8/configuration.html#4.2-http-response%20redirect');
    assert.equal(docsUrl(redirect, '2.9'), 'https://docs.haproxy.org/2.9/configuration.html#4.4-redirect');
    const peersBind = must(getKeyword('peers', 'bind'));
    assert.equal(docsUrl(peersBind, '3.1'), 'https://docs.haproxy.org/3.1/configuration.html#3.5-bind');
    assert.equal(docsUrl(peersBind, '3.2'), 'https://docs.haproxy.org/3.2/configuration.html#11.2-bind');
  });

  it('links undocumented versions to the nearest manual that documents the keyword', () => {
    const setVar = must(getKeyword('action', 'set-var'));
    assert.match(docsUrl(setVar, '2.6'), /^https:\/\/docs\.haproxy\.org\/2\.(5|8)\/configuration\.html#/);
    const cook = must(getKeyword('acl-derived', 'cook_beg'));
    assert.match(docsUrl(cook, '3.4'), /^https:\/\/docs\.haproxy\.org\/2\.5\/configuration\.html#7\.3\.6-/);
  });

  it('knows where each keyword may appear', () => {
    const bind = must(getKeyword('proxy', 'bind'));
    assert.deepEqual([...placesIn(bind, '2.6')].sort(), ['frontend', 'listen']);
    assert.equal(isAllowedIn(bind, 'backend', '2.6'), false);
    const httpRequest = must(getKeyword('proxy', 'http-request'));
    assert.equal(isAllowedIn(httpRequest, 'defaults', '2.4'), false);
    assert.equal(isAllowedIn(httpRequest, 'defaults', '2.5'), true);
    assert.equal(httpRequest.namedDefaultsOnly, true);
    assert.equal(isAllowedIn(must(getKeyword('filter', 'filter trace')), 'backend', '2.6'), true);
    assert.equal(isAllowedIn(must(getKeyword('global', 'daemon')), 'global', '2.6'), true);
    assert.equal(isAllowedIn(must(getKeyword('resolvers', 'nameserver')), 'resolvers', '2.6'), true);
  });

  it('lists the keywords of a section and the actions of a rule set for one version', () => {
    const backend = sectionKeywords('backend', '2.6').map((e) => e.name);
    assert.ok(backend.includes('balance') && backend.includes('server') && backend.includes('filter trace'));
    assert.ok(!backend.includes('bind') && !backend.includes('default_backend'));
    const global24 = sectionKeywords('global', '2.4').map((e) => e.name);
    const global26 = sectionKeywords('global', '2.6').map((e) => e.name);
    assert.ok(global24.includes('nbproc') && !global26.includes('nbproc'));
    const connection = ruleSetActions('tcp-request connection', '2.6').map((e) => e.name);
    assert.ok(connection.includes('expect-proxy') && connection.includes('accept'));
    assert.ok(!connection.includes('set-header'));
    assert.ok(!ruleSetActions('http-request', '2.6').map((e) => e.name).includes('set-status'));
  });

  it('tells HTTP-only keywords from the others', () => {
    assert.equal(isHttpOnly(must(getKeyword('proxy', 'option forwardfor'))), true);
    assert.equal(isHttpOnly(must(getKeyword('proxy', 'timeout client'))), false);
    assert.equal(isHttpOnly(must(getKeyword('action', 'set-header'))), true);
    assert.equal(isHttpOnly(must(getKeyword('action', 'accept'))), false);
    assert.equal(isHttpOnly(must(getKeyword('fetch', 'req.hdr'))), true);
    assert.equal(isHttpOnly(must(getKeyword('fetch', 'src'))), false);
    assert.equal(isHttpOnly(must(getKeyword('acl-derived', 'path_beg'))), true);
  });

  it('carries the manual facts: deprecation, types, ACL derivation, equivalents, log-format fields', () => {
    assert.equal(must(getKeyword('global', 'nbproc')).deprecatedSince, '2.4');
    assert.deepEqual([must(getKeyword('converter', 'lower')).inputType, must(getKeyword('converter', 'lower')).outputType], ['string', 'string']);
    const pathBeg = must(getKeyword('acl-derived', 'path_beg'));
    assert.deepEqual([pathBeg.fetch, pathBeg.matchMethod], ['path', 'beg']);
    assert.equal(must(getKeyword('predefined-acl', 'HTTP')).equivalent, 'req.proto_http');
    assert.deepEqual(must(getKeyword('log-format-var', '%ci')).logVar, { fieldName: 'client_ip', type: 'IP', restriction: '' });
    assert.equal(must(getKeyword('proxy', 'option httpclose')).negatable, true);
    assert.deepEqual(must(getKeyword('server', 'check')).appliesTo, ['server', 'default-server']);
  });

  it('joins syntax lines per version and loads summaries', () => {
    assert.deepEqual(syntaxLines(must(getKeyword('proxy', 'mode')), '2.6'), ['mode { tcp|http }']);
    assert.ok((must(getKeyword('proxy', 'balance')).summary ?? '').length > 10);
  });

  it('clamps arbitrary version text to the known range', () => {
    assert.equal(clampVersion('2.6'), '2.6');
    assert.equal(clampVersion('2.2'), '2.4');
    assert.equal(clampVersion('3.5-dev3'), '3.4');
    assert.equal(clampVersion('2.6.12'), '2.6');
    assert.equal(clampVersion('nonsense'), '3.4');
  });
});
