# RBAC on writes: create, delete, scale and apply as a user with no rights, and a binding to a
# ClusterRole that does not exist (the RBAC reason after the Forbidden text).
kubectl create namespace dev
kubectl create deployment web --image=nginx -n dev --as jane
kubectl create deployment web --image=nginx
kubectl delete deployment web --as jane
kubectl scale deployment web --replicas=2 --as jane
kubectl apply --as jane -f - <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {a: b}
YAML
kubectl apply -f - <<'YAML'
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: broken, namespace: dev}
subjects:
- {kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}
roleRef: {kind: ClusterRole, name: nope, apiGroup: rbac.authorization.k8s.io}
YAML
kubectl get pods -n dev --as jane
kubectl auth can-i list pods -n dev --as jane
kubectl get pods -A --as jane
kubectl logs deploy/web --as jane
kubectl get pods -w --as jane --request-timeout=1s
