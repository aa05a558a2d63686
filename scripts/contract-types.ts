// The TypeScript types of one OpenAPI contract, as contracts/generated/<name>.ts holds them: written by
// `npm run contracts:gen` for every contract, and by `npm run partner:new` for the skeleton it makes.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const header = (src: string): string =>
  `/**\n * GENERATED FILE: do not edit. Source: contracts/${src}\n * Regenerate with \`npm run contracts:gen\`; \`npm test\` fails when this file is stale.\n */\n\n`;

/** `rel` relative to contractsDir, e.g. 'partners/310104-xuhui.yaml' */
export async function contractTypes(contractsDir: string, rel: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(path.join(contractsDir, rel)));
  return header(rel) + astToString(ast);
}

/** where the types of `rel` go: contracts/generated/<basename>.ts */
export const generatedFile = (contractsDir: string, rel: string): string =>
  path.join(contractsDir, 'generated', `${path.basename(rel, '.yaml')}.ts`);
