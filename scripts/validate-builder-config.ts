// Validates electron-builder config files offline against app-builder-lib's scheme.json (the schema
// electron-builder itself validates with), so a broken config fails `npm test` without packaging.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv } from 'ajv'
import yaml from 'js-yaml'

const require = createRequire(import.meta.url)
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object
// The options electron-builder uses internally (app-builder-lib's schema validator).
const validate = new Ajv({ allErrors: true, strict: false, coerceTypes: true }).compile(schema)

export function validateBuilderConfig(config: unknown): string[] {
  return validate(config) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`)
}

export function loadBuilderConfig(path: string): unknown {
  return yaml.load(readFileSync(path, 'utf8'))
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  let failed = false
  for (const file of process.argv.slice(2).length ? process.argv.slice(2) : ['electron-builder.yml']) {
    const errors = validateBuilderConfig(loadBuilderConfig(file))
    if (errors.length === 0) console.log(`${file}: valid`)
    else {
      failed = true
      for (const error of errors) console.error(`${file}: ${error}`)
    }
  }
  process.exit(failed ? 1 : 0)
}
