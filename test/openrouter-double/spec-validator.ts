// Test helper: checks a body against OpenRouter's own OpenAPI excerpts, vendored in ./spec (source named in
// each file's header), so the double is held to the spec rather than to what its own tests expect.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020'
import yaml from 'js-yaml'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Method = 'get' | 'post' | 'patch' | 'delete'

interface OpenApiDocument {
  paths: Record<string, Partial<Record<Method, { responses: Record<string, { content?: Record<string, { schema?: Json }> }> }>>>
  components: { schemas: Record<string, Json> }
}

export interface SpecValidator {
  /** Problems with `body` as the response `status` of `method path`; [] when it conforms. */
  validateResponse(path: string, method: Method, status: number, body: unknown): string[]
  documentedStatuses(path: string, method: Method): number[]
  /** The response schema with every $ref inlined, e.g. to list the properties a body should carry. */
  responseSchema(path: string, method: Method, status: number): Json
  /** The error envelope every *Response schema shares, for statuses the spec does not list (404, 405). */
  validateEnvelope(body: unknown): string[]
}

/** /auth/keys, /auth/keys/code, /key, /credits. */
export const SPEC_PATH = join(import.meta.dirname, 'spec', 'openapi-oauth.yaml')
/** /key, /keys, /keys/{hash}, /credits, /activity, /workspaces. */
export const MANAGEMENT_SPEC_PATH = join(import.meta.dirname, 'spec', 'openapi-management.yaml')
const COMPONENT_REF = '#/components/schemas/'

/** Inlines every $ref to components.schemas (the excerpt has no cycles, but guard anyway). */
function resolveRefs(node: Json, components: Record<string, Json>, seen: string[] = []): Json {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(item, components, seen))
  if (node === null || typeof node !== 'object') return node
  const ref = node['$ref']
  if (typeof ref === 'string') {
    if (!ref.startsWith(COMPONENT_REF)) throw new Error(`unsupported $ref ${ref}`)
    const name = ref.slice(COMPONENT_REF.length)
    const target = components[name]
    if (target === undefined) throw new Error(`$ref to a missing schema: ${name}`)
    if (seen.includes(name)) throw new Error(`cyclic $ref: ${[...seen, name].join(' → ')}`)
    return resolveRefs(target, components, [...seen, name])
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveRefs(value, components, seen)]))
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function newAjv(): Ajv2020 {
  // strict:false: OpenAPI adds keywords (example, x-speakeasy-*) that are not JSON Schema.
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  ajv.addFormat('date-time', { type: 'string', validate: (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) })
  ajv.addFormat('uri', { type: 'string', validate: (value: string) => URL.canParse(value) })
  ajv.addFormat('uuid', { type: 'string', validate: (value: string) => UUID.test(value) })
  ajv.addFormat('double', { type: 'number', validate: (value: number) => Number.isFinite(value) })
  return ajv
}

function describe(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`)
}

export function loadSpecValidator(specPath = SPEC_PATH): SpecValidator {
  const document = yaml.load(readFileSync(specPath, 'utf8')) as OpenApiDocument
  const components = document.components.schemas
  const ajv = newAjv()
  const cache = new Map<string, ValidateFunction>()
  const compile = (cacheKey: string, schema: Json): ValidateFunction => {
    let validate = cache.get(cacheKey)
    if (!validate) {
      validate = ajv.compile(resolveRefs(schema, components) as object)
      cache.set(cacheKey, validate)
    }
    return validate
  }
  const responses = (path: string, method: Method) => {
    const operation = document.paths[path]?.[method]
    if (!operation) throw new Error(`the spec has no operation ${method.toUpperCase()} ${path}`)
    return operation.responses
  }

  const schemaOf = (path: string, method: Method, status: number) => responses(path, method)[String(status)]?.content?.['application/json']?.schema

  return {
    validateResponse(path, method, status, body) {
      const schema = schemaOf(path, method, status)
      if (schema === undefined) return [`the spec documents no ${status} response for ${method.toUpperCase()} ${path}`]
      const validate = compile(`${method} ${path} ${status}`, schema)
      return validate(body) ? [] : describe(validate)
    },
    documentedStatuses(path, method) {
      return Object.keys(responses(path, method)).map(Number).sort((a, b) => a - b)
    },
    responseSchema(path, method, status) {
      const schema = schemaOf(path, method, status)
      if (schema === undefined) throw new Error(`the spec documents no ${status} response for ${method.toUpperCase()} ${path}`)
      return resolveRefs(schema, components)
    },
    validateEnvelope(body) {
      const validate = compile('envelope', { $ref: `${COMPONENT_REF}BadRequestResponse` })
      return validate(body) ? [] : describe(validate)
    },
  }
}
