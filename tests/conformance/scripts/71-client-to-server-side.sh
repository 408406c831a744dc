# From client-side to server-side apply: kubectl hands the client-side manager's fields to
# the server-side applier, and fields then dropped from the manifest are removed.
kubectl apply -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    app: web
    tier: front
data:
  mode: fast
  level: "3"
YAML
kubectl get configmap settings -o yaml --show-managed-fields
kubectl apply --server-side -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    app: web
    tier: front
data:
  mode: fast
  level: "3"
YAML
kubectl get configmap settings -o yaml --show-managed-fields
kubectl apply --server-side -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    app: web
data:
  mode: fast
YAML
kubectl get configmap settings -o yaml --show-managed-fields
kubectl apply --server-side --field-manager=ops -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: slow
YAML
kubectl apply --server-side --field-manager=ops --force-conflicts -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: slow
YAML
kubectl get configmap settings -o yaml --show-managed-fields
