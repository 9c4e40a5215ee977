import { compilePatterns, MATCH_METHODS, type MatchMethod } from '../acl/pattern-match';
import { parseIp } from '../ip';
import { int, ipSample, sampleToString, str, type Sample } from '../sample';
import { registerConverterResolver, type ConverterDef } from './registry';

function output(value: string, type: string): Sample | undefined {
  if (type === 'int') return /^-?\d+/.test(value) ? int(parseInt(value, 10)) : undefined;
  if (type === 'ip') {
    const ip = parseIp(value);
    return ip ? ipSample(ip) : undefined;
  }
  return str(value);
}

function mapConverter(name: string, method: MatchMethod | 'regm', outType: string): ConverterDef {
  return {
    name,
    compile(args, env) {
      const [file = '', def] = args;
      const entries = env.files.mapEntries(file);
      if (!entries) {
        env.problems.push({ line: env.line, message: `map file '${env.files.resolve(file)}' could not be read` });
        env.unsupported.add(`map file ${file} (not readable)`);
        return () => (def !== undefined ? output(def, outType) : undefined);
      }
      const keys = entries.map(([k]) => k);
      const patterns = compilePatterns(method === 'regm' ? 'reg' : method, keys, false);
      for (const p of patterns.errors) env.problems.push({ line: env.line, message: `${file}: ${p}` });
      const regm = method === 'regm' ? keys.map((k) => new RegExp(k)) : [];
      return (input) => {
        const i = patterns.match(input);
        if (i < 0) return def !== undefined ? output(def, outType) : undefined;
        let value = entries[i][1];
        if (method === 'regm') {
          const m = regm[i].exec(sampleToString(input));
          if (m) value = value.replace(/\\(\d)/g, (_, d: string) => m[Number(d)] ?? '');
        }
        return output(value, outType);
      };
    },
  };
}

registerConverterResolver((name) => {
  if (name === 'map') return mapConverter(name, 'str', 'str');
  const m = /^map_([a-z]+)(?:_([a-z]+))?$/.exec(name);
  if (!m) return undefined;
  const method = m[1] === 'regm' ? 'regm' : m[1];
  if (method !== 'regm' && !MATCH_METHODS.has(method)) return undefined;
  const out = m[2] ?? 'str';
  if (out !== 'str' && out !== 'int' && out !== 'ip') return undefined;
  return mapConverter(name, method as MatchMethod | 'regm', out);
});
