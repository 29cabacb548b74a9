// Validates the double's bodies against OpenRouter's own OpenAPI excerpt (shared/openrouter/openapi-oauth.yaml).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import yaml from 'js-yaml'

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>
  components: { schemas: Record<string, unknown> }
}

const specPath = join(import.meta.dirname, '../../../shared/openrouter/openapi-oauth.yaml')

/** OpenAPI 3.1 schemas are JSON Schema with a few keywords ajv does not know; those are dropped. */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'example' || key === 'examples' || key.startsWith('x-')) continue
      out[key] = clean(inner)
    }
    return out
  }
  return value
}

export function loadSpecValidator(): (path: string, method: string, status: number, body: unknown) => string[] {
  const document = yaml.load(readFileSync(specPath, 'utf8')) as OpenApiDocument
  const ajv = new Ajv({ allErrors: true, strict: false })
  ajv.addSchema({ $id: 'components', components: { schemas: clean(document.components.schemas) } })
  const cache = new Map<string, ValidateFunction>()
  return (path, method, status, body) => {
    const cacheKey = `${method} ${path} ${status}`
    let validate = cache.get(cacheKey)
    if (!validate) {
      const response = document.paths[path]?.[method]?.responses[String(status)]
      const schema = response?.content?.['application/json']?.schema
      if (!schema) return [`the spec has no ${status} response for ${method.toUpperCase()} ${path}`]
      const rewritten = JSON.parse(JSON.stringify(clean(schema)).replaceAll('"#/components/', '"components#/components/')) as object
      validate = ajv.compile(rewritten)
      cache.set(cacheKey, validate)
    }
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)
  }
}
