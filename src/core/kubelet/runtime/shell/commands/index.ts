/** Every built-in command and applet the simulated shell knows, by name. */

import type { Builtin } from '../types'
import { CORE_BUILTINS } from './core'
import { FILE_BUILTINS } from './files'
import { INFO_BUILTINS } from './info'
import { TEXT_BUILTINS } from './text'

export const BUILTINS: Record<string, Builtin> = { ...CORE_BUILTINS, ...FILE_BUILTINS, ...INFO_BUILTINS, ...TEXT_BUILTINS }
