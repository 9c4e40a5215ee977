/** Bundled and run in its own process by the benchmark: routes the sample requests in a loop, prints JSON figures. */
import { measureSimulator } from './simulator-loop';

const [configPath, requestsPath, minMs] = process.argv.slice(2);
process.stdout.write(JSON.stringify(measureSimulator(configPath, requestsPath, Number(minMs))));
