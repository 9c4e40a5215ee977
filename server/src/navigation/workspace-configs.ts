import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildModel, type ConfigModel } from '../model/config-model';
import type { ExternalSymbols } from '../model/external-symbols';
import { parseConfig } from '../syntax/parse-config';
import { expandConfigGlobs } from './config-files';
import { ConfigSet, type ConfigSetMember } from './config-set';

/** The documents open in the editor, whose text wins over the files on disk. */
export interface OpenDocuments {
  uris(): string[];
  /** The model of an open document, built with `externalFor(uri)` of the owning WorkspaceConfigs. */
  model(uri: string): ConfigModel | undefined;
}

/**
 * The workspace's multi-file config (setting `haproxy.configFiles`): which files form it, in load order,
 * and the config set each document belongs to. Open documents are read from the editor, the other files
 * from disk (re-read when they change on disk).
 */
export class WorkspaceConfigs {
  private paths: string[] = [];
  private readonly fromDisk = new Map<string, { mtimeMs: number; size: number; model: ConfigModel }>();
  /** Sets by the model of the document they were asked for: a set lives as long as that model. */
  private current = new WeakMap<ConfigModel, { uris: string[]; models: ConfigModel[]; set: ConfigSet }>();

  constructor(private readonly open: OpenDocuments) {}

  /** Expands the globs against each workspace folder (absolute paths) and keeps the files in order. */
  configure(folders: readonly string[], globs: readonly string[]): void {
    const roots = folders.length > 0 ? folders : [process.cwd()];
    const paths = globs.length === 0 ? [] : roots.flatMap((root) => expandConfigGlobs(root, globs));
    this.paths = [...new Set(paths)];
    this.fromDisk.clear();
    this.current = new WeakMap();
  }

  /** The files of the configured multi-file config, as URIs. */
  memberUris(): string[] {
    return this.paths.map((path) => this.uriFor(path));
  }

  isMember(uri: string): boolean {
    const path = toPath(uri);
    return path !== undefined && this.paths.includes(path);
  }

  /** The config set `uri` belongs to: the configured files when it is one of them, else itself alone. */
  setFor(uri: string): ConfigSet {
    const open = this.open;
    if (!this.isMember(uri)) {
      return new ConfigSet([{ uri, get model() { return open.model(uri) ?? buildModel(parseConfig('')); } }]);
    }
    return new ConfigSet(this.paths.map((path) => this.member(path)));
  }

  /**
   * The config set of `uri` with every member's current model, the same object as long as none of them
   * changes: its occurrence indexes are then built once per edit, not once per request. Not for use while
   * a model is being built (it needs every member's model; `setFor` reads them lazily).
   */
  currentSetFor(uri: string): ConfigSet {
    const own = this.open.model(uri);
    if (!own) return this.setFor(uri);
    const members = this.isMember(uri) ? this.paths.map((path) => this.member(path)) : [{ uri, model: own }];
    const uris = members.map((member) => member.uri);
    const models = members.map((member) => member.model);
    const cached = this.current.get(own);
    if (cached && cached.models.every((model, i) => model === models[i] && cached.uris[i] === uris[i]) && cached.models.length === models.length) return cached.set;
    const set = new ConfigSet(uris.map((member, i) => ({ uri: member, model: models[i] })));
    this.current.set(own, { uris, models, set });
    return set;
  }

  /** A lookup into the other files of `uri`'s set, evaluated when used; undefined for a file alone. */
  externalFor(uri: string): ExternalSymbols | undefined {
    if (!this.isMember(uri)) return undefined;
    return {
      definitionsOf: (kind, name, scopeName) => this.setFor(uri).externalFor(uri).definitionsOf(kind, name, scopeName),
      findBackend: (name) => this.setFor(uri).externalFor(uri).findBackend(name),
      precedingDefaults: () => this.setFor(uri).externalFor(uri).precedingDefaults!(),
    };
  }

  private member(path: string): ConfigSetMember {
    const uri = this.uriFor(path);
    const load = () => this.open.model(uri) ?? this.diskModel(path, uri);
    // Lazy, so that building one file's model only builds the files it looks at (those loaded before it).
    return { uri, get model() { return load(); } };
  }

  private uriFor(path: string): string {
    return this.open.uris().find((uri) => toPath(uri) === path) ?? pathToFileURL(path).href;
  }

  private diskModel(path: string, uri: string): ConfigModel {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return buildModel(parseConfig(''));
    }
    const cached = this.fromDisk.get(path);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.model;
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      // An unreadable file contributes nothing; HAProxy's own check reports it.
    }
    const model = buildModel(parseConfig(text), { external: this.externalFor(uri) });
    this.fromDisk.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, model });
    return model;
  }
}

/** The file system path of a `file:` URI; undefined for other schemes. */
export function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
