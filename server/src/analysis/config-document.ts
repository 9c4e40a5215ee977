import { buildModel, type ConfigModel } from '../model/config-model';
import type { ConfigFile } from '../syntax/ast';
import { reparseConfig } from '../syntax/incremental-parse';
import { parseConfig } from '../syntax/parse-config';
import type { Finding } from './finding';
import { lintModel, type LintOptions } from './lint';
import { targetVersion, type HaproxyVersion } from './version';

/** How far a document has been processed; each phase is computed on first use and cached. */
export enum DocumentState {
  Changed = 0,
  Parsed = 1,
  Analysed = 2,
  Validated = 3,
}

/**
 * One config text moving through the phases parse -> model -> lint, each done at most once per version.
 * Made from the previous version of the same document, it parses only what the edit changed, and the model
 * and the rules redo only the sections the edit touched.
 */
export class ConfigDocument {
  private parsed?: ConfigFile;
  private analysed?: ConfigModel;
  private validated?: Finding[];
  /** The tree of an earlier version, to be updated rather than built again; taken by the first parse. */
  private earlier?: ConfigFile;
  /**
   * The model of the previous version, kept until this version is linted: rules bring what they derive from the
   * lists of a model up to date from the previous lists, which they only hold weakly (see `ListTracker`).
   */
  private earlierModel?: ConfigModel;

  constructor(
    readonly uri: string,
    readonly text: string,
    readonly version: number,
    private readonly options: LintOptions = {},
    previous?: ConfigDocument,
  ) {
    this.earlier = previous?.handOver();
    this.earlierModel = previous?.analysed ?? previous?.earlierModel;
  }

  /** Gives this version's tree (or the earlier one it holds) to the next version, which will update it in place. */
  private handOver(): ConfigFile | undefined {
    const tree = this.parsed ?? this.earlier;
    this.earlier = undefined;
    return tree;
  }

  get state(): DocumentState {
    if (this.validated) return DocumentState.Validated;
    if (this.analysed) return DocumentState.Analysed;
    if (this.parsed) return DocumentState.Parsed;
    return DocumentState.Changed;
  }

  get haproxyVersion(): HaproxyVersion {
    return targetVersion(this.text, this.options.version);
  }

  get file(): ConfigFile {
    if (!this.parsed) {
      this.parsed = this.earlier ? reparseConfig(this.earlier, this.text) : parseConfig(this.text);
      this.earlier = undefined;
    }
    return this.parsed;
  }

  get model(): ConfigModel {
    this.analysed ??= buildModel(this.file, { external: this.options.external, previous: this.earlierModel });
    return this.analysed;
  }

  get findings(): Finding[] {
    if (!this.validated) {
      this.validated = lintModel(this.file, this.model, this.haproxyVersion, this.options);
      this.earlierModel = undefined;
    }
    return this.validated;
  }
}
