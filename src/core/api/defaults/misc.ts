/**
 * Defaulting of the smaller kinds, as `kubectl get -o yaml` shows it (pkg/apis/<group>/v1/defaults.go).
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- defaulting walks free-form manifests */

/** SetDefaults_NetworkPolicy: Ingress always, Egress when egress rules exist; ports default to TCP. */
export function defaultNetworkPolicy(np: any): void {
  np.spec ??= {}
  const s = np.spec
  if (!Array.isArray(s.policyTypes) || s.policyTypes.length === 0) {
    s.policyTypes = Array.isArray(s.egress) && s.egress.length ? ['Ingress', 'Egress'] : ['Ingress']
  }
  for (const rule of [...(Array.isArray(s.ingress) ? s.ingress : []), ...(Array.isArray(s.egress) ? s.egress : [])]) {
    for (const p of Array.isArray(rule?.ports) ? rule.ports : []) if (p && typeof p === 'object') p.protocol ??= 'TCP'
  }
}

/** SetDefaults_StorageClass: Delete and Immediate. */
export function defaultStorageClass(sc: any): void {
  sc.reclaimPolicy ??= 'Delete'
  sc.volumeBindingMode ??= 'Immediate'
}

/** SetDefaults_PriorityClass. */
export function defaultPriorityClass(pc: any): void {
  pc.preemptionPolicy ??= 'PreemptLowerPriority'
}

/** SetDefaults_Subject: the API group of a binding's subject follows its kind. */
export function defaultRoleBinding(rb: any): void {
  for (const s of Array.isArray(rb.subjects) ? rb.subjects : []) {
    if (!s || typeof s !== 'object' || s.apiGroup !== undefined) continue
    if (s.kind === 'ServiceAccount') s.apiGroup = ''
    else if (s.kind === 'User' || s.kind === 'Group') s.apiGroup = 'rbac.authorization.k8s.io'
  }
}

/**
 * SetDefaults_LimitRangeItem: for containers, the default limit comes from max, the default
 * request from the default limit or else min (empty maps are not written).
 */
export function defaultLimitRange(lr: any): void {
  for (const item of Array.isArray(lr.spec?.limits) ? lr.spec.limits : []) {
    if (item?.type !== 'Container') continue
    const def = { ...(item.max ?? {}), ...(item.default ?? {}) }
    const req = { ...(item.min ?? {}), ...def, ...(item.defaultRequest ?? {}) }
    if (Object.keys(def).length) item.default = def
    if (Object.keys(req).length) item.defaultRequest = req
  }
}

/**
 * SetDefaults_HorizontalPodAutoscaler (autoscaling/v2): minReplicas 1, and without metrics the
 * CPU utilization target of 80% (a v1 object without targetCPUUtilizationPercentage gets it too).
 */
export function defaultHorizontalPodAutoscaler(hpa: any): void {
  hpa.spec ??= {}
  hpa.spec.minReplicas ??= 1
  if (!Array.isArray(hpa.spec.metrics) || hpa.spec.metrics.length === 0) {
    hpa.spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]
  }
}
