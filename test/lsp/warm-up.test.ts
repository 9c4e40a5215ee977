import { strict as assert } from 'node:assert';
import { ConfigDocument } from '../../server/src/analysis/config-document';
import { languageWarmUpSteps, modelWarmUpSteps } from '../../server/src/language/warm-up';
import { DocumentWarmUp, eachStep, runInTurns } from '../../server/src/lsp/warm-up';

const TEXT = 'frontend fe\n    bind :80\n    default_backend app\n\nbackend app\n    server s1 10.0.0.1:80\n';
const fail = (error: unknown) => assert.fail(String(error));
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('language server warm-up', () => {
  it('runs steps one per turn of the event loop and stops when they are no longer wanted', async () => {
    const ran: number[] = [];
    let wanted = true;
    runInTurns(eachStep([() => ran.push(1), () => ran.push(2), () => ran.push(3)]), () => wanted, fail);
    assert.deepEqual(ran, [], 'nothing runs before the current turn ends');
    await new Promise(setImmediate);
    assert.deepEqual(ran, [1]);
    wanted = false;
    await settle(5);
    assert.deepEqual(ran, [1]);
  });

  it('waits for the analysis of a version, then warms it, and never a version that has been replaced', async () => {
    const documents = new Map<string, ConfigDocument>([['a', new ConfigDocument('a', TEXT, 1)]]);
    const warmed: number[] = [];
    const warmUp = new DocumentWarmUp((uri) => documents.get(uri), (document) => eachStep([() => warmed.push(document.version)]), fail, 1, 1);
    warmUp.schedule('a');
    await settle(10);
    assert.deepEqual(warmed, [], 'not analysed yet: the warm-up does not analyse it itself');
    void documents.get('a')!.findings;
    await settle(10);
    assert.deepEqual(warmed, [1]);

    documents.set('a', new ConfigDocument('a', TEXT, 2));
    warmUp.schedule('a');
    documents.set('a', new ConfigDocument('a', TEXT, 3));
    void documents.get('a')!.findings;
    await settle(10);
    assert.deepEqual(warmed, [1, 3]);
    warmUp.forget('a');
  });

  it('waits until edits pause before warming', async () => {
    let document = new ConfigDocument('a', TEXT, 1);
    const warmed: number[] = [];
    const warmUp = new DocumentWarmUp(() => document, (current) => eachStep([() => warmed.push(current.version)]), fail, 1, 300);
    for (let version = 2; version <= 8; version++) {
      document = new ConfigDocument('a', TEXT, version);
      void document.findings;
      warmUp.schedule('a');
      await settle(5);
    }
    assert.deepEqual(warmed, [], 'edits every few ms: no version is warmed while they come');
    await settle(600);
    assert.deepEqual(warmed, [8], 'the last version is warmed once the edits stop');
  });

  it('has steps that load the catalog and run every feature over a sample, and index a model', () => {
    for (const step of languageWarmUpSteps()) step();
    const document = new ConfigDocument('b', TEXT, 1);
    for (const step of modelWarmUpSteps(document.model)) step();
  });
});
