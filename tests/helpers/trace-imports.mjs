// Loaded with `node --import`: records every module URL the process resolves into the file
// named by KITH_TRACE_IMPORTS, so a test can see what start-up really loads.
import { register } from 'node:module';

register(`data:text/javascript,${encodeURIComponent(`
  import { appendFileSync } from 'node:fs';
  export async function resolve(specifier, context, next) {
    const result = await next(specifier, context);
    appendFileSync(${JSON.stringify(process.env.KITH_TRACE_IMPORTS)}, result.url + '\\n');
    return result;
  }
`)}`);
