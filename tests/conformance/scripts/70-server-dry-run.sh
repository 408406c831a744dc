# --dry-run=server: the server runs the whole write and stores nothing.
kubectl apply --dry-run=server -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
YAML
kubectl apply --server-side --dry-run=server -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
YAML
kubectl get configmap settings
kubectl apply --server-side -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
YAML
kubectl apply --server-side --dry-run=server -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: slow
YAML
kubectl get configmap settings -o yaml --show-managed-fields
kubectl apply --server-side --dry-run=client -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
YAML
kubectl create deployment web --image=nginx --dry-run=server -o yaml
kubectl get deploy
