// Validates electron-builder config files offline against app-builder-lib's scheme.json, the schema
// electron-builder itself validates with, so a broken config fails `npm test` without packaging anything.
// Usage: tsx scripts/validate-builder-config.ts [file…]   (default electron-builder.yml); exit 1 on errors.
// A file that `extends` another is checked as written and as electron-builder merges it with its parent.
import { readFileSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import yaml from 'js-yaml'
import { doMergeConfigs } from 'app-builder-lib/out/util/config/config.js'
import type { Configuration } from 'app-builder-lib'

const require = createRequire(import.meta.url)
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object
// The options of app-builder-lib's schemaValidator. strict: false because the schema uses a custom
// `typeof` keyword; coerceTypes as electron-builder does, so a value it accepts is accepted here too.
const validate = new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false }).compile(schema)

/** Every schema error, one line each; empty when the configuration is valid. */
export function validateBuilderConfig(config: unknown): string[] {
  const copy = structuredClone(config) // coerceTypes rewrites values in place; leave the caller's object alone
  if (validate(copy)) return []
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`)
}

/** The file as written. */
export function loadBuilderConfig(file: string): Configuration {
  const loaded = yaml.load(readFileSync(file, 'utf8'))
  if (loaded === null || typeof loaded !== 'object' || Array.isArray(loaded)) throw new Error(`${file}: not a YAML mapping`)
  return loaded as Configuration
}

/**
 * The configuration electron-builder would use: parents named by `extends` (paths, relative to the file's
 * folder, which is the project folder for our top-level files) merged with electron-builder's own merge.
 */
export function loadEffectiveBuilderConfig(file: string): Configuration {
  const chain = (path: string, seen: readonly string[]): Configuration[] => {
    if (seen.includes(path)) throw new Error(`${path}: extends itself`)
    const config = loadBuilderConfig(path)
    const parents = config.extends == null ? [] : Array.isArray(config.extends) ? config.extends : [config.extends]
    return [
      ...parents.flatMap((parent) => {
        if (!/^(file:)?\.{0,2}\//.test(parent)) throw new Error(`${path}: only file paths are supported in extends, not ${parent}`)
        return chain(resolve(dirname(path), parent.replace(/^file:/, '')), [...seen, path])
      }),
      config,
    ]
  }
  return doMergeConfigs(chain(resolve(file), []))
}

/** Errors of the file as written and, if it extends another, of the merged result. */
export function checkBuilderConfigFile(file: string): string[] {
  const asWritten = loadBuilderConfig(file)
  const errors = validateBuilderConfig(asWritten)
  if (asWritten.extends == null) return errors
  return [...errors, ...validateBuilderConfig(loadEffectiveBuilderConfig(file)).map((error) => `(merged with its parent) ${error}`)]
}

function main(files: readonly string[]): number {
  let failed = false
  for (const file of files) {
    let errors: string[]
    try {
      errors = checkBuilderConfigFile(file)
    } catch (error) {
      errors = [error instanceof Error ? error.message : String(error)]
    }
    if (errors.length === 0) console.log(`${file}: valid`)
    for (const error of errors) console.error(`${file}: ${error}`)
    failed ||= errors.length > 0
  }
  return failed ? 1 : 0
}

const invokedPath = process.argv[1]
if (invokedPath && realpathSync(invokedPath) === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2)
  process.exit(main(files.length > 0 ? files : ['electron-builder.yml']))
}
