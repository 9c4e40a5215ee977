import { runRoute } from './route';

process.exitCode = runRoute(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
