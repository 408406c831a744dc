# Subresources are authorized on their own: get on pods grants neither pods/log nor pods/exec.
kubectl create namespace dev
kubectl run box --image=busybox -n dev -- sh -c 'echo hi; sleep 3600'
kubectl apply -f - <<'YAML'
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: dev}
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods, namespace: dev}
subjects:
- {kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}
roleRef: {kind: Role, name: pod-reader, apiGroup: rbac.authorization.k8s.io}
YAML
sleep 20
kubectl logs box -n dev --as jane
kubectl exec box -n dev --as jane -- echo hi
