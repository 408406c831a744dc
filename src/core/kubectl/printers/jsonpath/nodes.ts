/**
 * The syntax tree of kubectl's JSONPath dialect (client-go util/jsonpath): a template is a
 * list of text pieces and `{...}` actions, each action a list of steps applied in turn.
 */

/** One bound of a slice `[start:end:step]`; `derived` marks the implied end of `[n]`. */
export interface SliceParam {
  known: boolean
  value: number
  derived: boolean
}

export type JPNode =
  | { type: 'list'; nodes: JPNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: JPList; right: JPList; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; lists: JPList[] }
  | { type: 'identifier'; name: string }

export type JPList = Extract<JPNode, { type: 'list' }>

export function newList(): JPList {
  return { type: 'list', nodes: [] }
}

/**
 * A float written in a template (`2.5`, `2.0`): Go keeps it a float64, which never compares
 * equal to an integer field, so it cannot be a plain number here.
 */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A failure while running a template (a missing key, a bad index...). */
export class JSONPathExecError extends Error {}
