import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigDocument } from '../analysis/config-document';
import type { LintOptions } from '../analysis/lint';
import type { ExternalSymbols } from '../model/external-symbols';

/** Keeps one ConfigDocument per open text document version, so each phase runs once per edit. */
export class DocumentStore {
  private readonly documents = new Map<string, ConfigDocument>();
  private options: LintOptions = {};
  private externalFor: (uri: string) => ExternalSymbols | undefined = () => undefined;

  setOptions(options: LintOptions): void {
    this.options = options;
    this.documents.clear();
  }

  /** Gives each document a view of the other files of its multi-file config (see WorkspaceConfigs). */
  setExternalProvider(provider: (uri: string) => ExternalSymbols | undefined): void {
    this.externalFor = provider;
    this.documents.clear();
  }

  get(document: TextDocument): ConfigDocument {
    const cached = this.documents.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const fresh = new ConfigDocument(document.uri, document.getText(), document.version, { ...this.options, external: this.externalFor(document.uri) }, cached);
    this.documents.set(document.uri, fresh);
    return fresh;
  }

  delete(uri: string): void {
    this.documents.delete(uri);
  }

  all(): ConfigDocument[] {
    return [...this.documents.values()];
  }
}
