import type { FileStore } from './files';

/** What compiling a config needs: files, and places to note what cannot be simulated. */
export interface CompileEnv {
  files: FileStore;
  /** Problems found while compiling (bad regex, missing file), with their line. */
  problems: { line: number; message: string }[];
  /** Features the simulator does not know; routed requests report them when they meet them. */
  unsupported: Set<string>;
  /** The line being compiled, for problems. */
  line: number;
}
