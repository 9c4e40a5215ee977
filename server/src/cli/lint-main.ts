import { runLint } from './lint';

declare const PACKAGE_VERSION: string;

process.exitCode = runLint(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}, typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0');
