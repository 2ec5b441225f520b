// Builds the dashboard into the folder the Python package serves (src/eventwire/api/static/):
// the bundled app (d3, topojson-client and the world-atlas boundaries inside it), the page, and
// swagger-ui-dist's files for the API's /docs page. Nothing is loaded from a CDN at run time.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'src', 'eventwire', 'api', 'static');
const require = createRequire(import.meta.url);
const swagger = dirname(require.resolve('swagger-ui-dist/package.json'));

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });
mkdirSync(join(out, 'swagger'), { recursive: true });

await build({
  entryPoints: [join(here, 'src', 'main.js')],
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  target: ['es2020'],
  outfile: join(out, 'assets', 'app.js'),
  logLevel: 'warning',
});
copyFileSync(join(here, 'src', 'style.css'), join(out, 'assets', 'app.css'));
copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
for (const name of ['swagger-ui-bundle.js', 'swagger-ui.css', 'favicon-32x32.png', 'LICENSE', 'NOTICE']) {
  copyFileSync(join(swagger, name), join(out, 'swagger', name));
}
console.log(`dashboard built into ${out}`);
