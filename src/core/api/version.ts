/**
 * The one Kubernetes release the playground impersonates: kubeadm's v1.31.9 control plane,
 * kubelets of the same version, and kubectl v1.31.9 (the pinned real client the conformance
 * suite compares us with). Client and server report the same build record because upstream
 * builds both from one release commit.
 */

export const KUBERNETES_VERSION = 'v1.31.9'

/** What `/version` and `kubectl version -o json` print for that release (linux/amd64). */
export const KUBERNETES_BUILD = Object.freeze({
  major: '1',
  minor: '31',
  gitVersion: KUBERNETES_VERSION,
  gitCommit: '8f3800390d488f54f74111f22973059e133f9cba',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T09:17:16Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
})
