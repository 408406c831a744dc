/** Name rules (apimachinery validation) and generated-name suffixes. */

import type { Random } from '../sim/random'

/** Alphabet of utilrand.String: no vowels, no confusable characters. */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

export function randomSuffix(random: Random, length = 5): string {
  return random.string(length, NAME_SUFFIX_ALPHABET)
}

/** generateName: the prefix, cut so the whole name stays within 63 characters. */
export function generateName(random: Random, prefix: string): string {
  const maxPrefix = 63 - 5
  return (prefix.length > maxPrefix ? prefix.slice(0, maxPrefix) : prefix) + randomSuffix(random)
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/

export const DNS1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
export const DNS1123_LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
export const DNS1035_LABEL_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"

/** Returns the list of problems (empty when valid), in apimachinery's words. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = []
  if (value.length > 253) errs.push('must be no more than 253 characters')
  if (!DNS1123_SUBDOMAIN.test(value)) errs.push(DNS1123_SUBDOMAIN_MESSAGE)
  return errs
}

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = []
  if (value.length > 63) errs.push('must be no more than 63 characters')
  if (!DNS1123_LABEL.test(value)) errs.push(DNS1123_LABEL_MESSAGE)
  return errs
}

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = []
  if (value.length > 63) errs.push('must be no more than 63 characters')
  if (!DNS1035_LABEL.test(value)) errs.push(DNS1035_LABEL_MESSAGE)
  return errs
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/
export const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

export function isValidLabelValue(value: string): string[] {
  const errs: string[] = []
  if (value.length > 63) errs.push('must be no more than 63 characters')
  if (!LABEL_VALUE.test(value)) errs.push(LABEL_VALUE_MESSAGE)
  return errs
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/
export const QUALIFIED_NAME_MESSAGE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

/** Label keys: optional DNS subdomain prefix + "/" + a qualified name. */
export function isQualifiedName(value: string): string[] {
  const parts = value.split('/')
  let name = value
  const errs: string[] = []
  if (parts.length === 2) {
    const [prefix, n] = parts as [string, string]
    name = n
    if (prefix.length === 0) errs.push('prefix part must be non-empty')
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`))
  } else if (parts.length > 2) {
    return [`a qualified name ${QUALIFIED_NAME_MESSAGE.replace(/^name part /, '')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]
  }
  if (name.length === 0) errs.push('name part must be non-empty')
  else if (name.length > 63) errs.push('name part must be no more than 63 characters')
  if (name.length > 0 && !QUALIFIED_NAME.test(name)) errs.push(QUALIFIED_NAME_MESSAGE)
  return errs
}

const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/
const CONFIG_MAP_KEY_MESSAGE =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"

/** Keys that become file names in a volume may not climb out of it. */
function chDirPrefixErrors(value: string): string[] {
  if (value === '.') return ["must not be '.'"]
  if (value === '..') return ["must not be '..'"]
  if (value.startsWith('..')) return ["must not start with '..'"]
  return []
}

/** ConfigMap and Secret data keys (IsConfigMapKey). */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = []
  if (value.length > 253) errs.push('must be no more than 253 characters')
  if (!CONFIG_MAP_KEY.test(value)) errs.push(CONFIG_MAP_KEY_MESSAGE)
  return [...errs, ...chDirPrefixErrors(value)]
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/
const ENV_VAR_NAME_MESSAGE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"

/** Environment variable names (IsEnvVarName). */
export function isEnvVarName(value: string): string[] {
  return [...(ENV_VAR_NAME.test(value) ? [] : [ENV_VAR_NAME_MESSAGE]), ...chDirPrefixErrors(value)]
}
