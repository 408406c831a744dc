/** English UI strings. Keys are the contract every other dictionary fills in. */
export const en = {
  'app.title': 'kubeplay',
  'app.tagline': 'Kubernetes playground',
  'app.connecting': 'Starting the cluster…',
  'app.workerFailed': 'The simulation stopped: {message}',
  'language.label': 'Language',
  'time.pause': 'Pause',
  'time.play': 'Play',
  'time.speed': 'Speed',
  'time.clock': 'Simulated time',
  'time.paused': 'paused',
  'map.label': 'Cluster map',
  'map.unscheduled': 'Unscheduled',
  'map.controlPlane': 'control plane',
  'map.worker': 'worker',
  'map.pods': '{count} pods',
  'map.empty': 'No nodes yet',
  'editor.title': 'YAML',
  'editor.apply': 'Apply',
  'editor.applyHint': 'Ctrl/Cmd+Enter',
  'editor.loading': 'Loading the editor…',
  'editor.applying': 'Applying…',
  'editor.results': 'Apply results',
  'editor.noResults': 'Write a manifest and press Apply.',
  'editor.exitCode': 'kubectl exited with code {code}',
  'outcome.created': 'created',
  'outcome.configured': 'configured',
  'outcome.unchanged': 'unchanged',
  'outcome.error': 'error',
} as const

export type MessageKey = keyof typeof en
export type Dictionary = Record<MessageKey, string>
