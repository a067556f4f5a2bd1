import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const dir = process.argv[2];
const r = await build({ entryPoints: [dir + '/src/index.ts'], bundle: true, minify: true, platform: 'browser', write: false, metafile: true, format: 'esm', logLevel: 'silent' });
const code = r.outputFiles[0].contents;
console.log(dir, code.length, gzipSync(code, { level: 9 }).length);
const inputs = Object.entries(r.metafile.outputs[Object.keys(r.metafile.outputs)[0]].inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0, Number(process.argv[3] ?? 0));
for (const [k,v] of inputs) console.log(v.bytesInOutput, k);
