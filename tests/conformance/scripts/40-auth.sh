# RBAC through impersonation: kubectl auth can-i / whoami and Forbidden errors, as the
# kubeconfig admin and as users it impersonates with --as / --as-group.
kubectl auth can-i list pods
kubectl auth can-i delete nodes
kubectl auth can-i get /healthz
kubectl auth can-i '*' '*' -A
kubectl auth whoami
kubectl auth can-i list pods --as jane
kubectl auth can-i list pods --as jane -q
kubectl auth can-i list nodes --as jane
kubectl auth can-i create selfsubjectaccessreviews.authorization.k8s.io --as jane
kubectl auth can-i list foos --as jane
kubectl auth can-i
kubectl auth whoami --as jane --as-group qa
kubectl auth whoami --as system:serviceaccount:dev:app
kubectl get pods --as jane
kubectl get nodes --as jane
kubectl create namespace dev
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
- {kind: ServiceAccount, name: app, namespace: dev}
roleRef: {kind: Role, name: pod-reader, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: viewers, namespace: dev}
subjects:
- {kind: Group, name: qa, apiGroup: rbac.authorization.k8s.io}
roleRef: {kind: ClusterRole, name: view, apiGroup: rbac.authorization.k8s.io}
YAML
kubectl get pods -n dev --as jane
kubectl get pods -n default --as jane
kubectl get deployments -n dev --as jane
kubectl get deployments -n dev --as jane --as-group qa
kubectl get pods -n dev --as system:serviceaccount:dev:app
kubectl get pods -n dev --as system:serviceaccount:dev:other
kubectl auth can-i get pods -n dev --as jane
kubectl auth can-i watch pods -n dev --as jane
kubectl auth can-i list deployments.apps -n dev --as jane --as-group qa
kubectl auth can-i get pods/log -n dev --as jane --as-group qa
kubectl auth can-i --list --as jane -n dev
kubectl auth can-i --list --as jane --as-group qa -n dev
kubectl auth can-i --list --as system:serviceaccount:dev:app -n dev --no-headers
