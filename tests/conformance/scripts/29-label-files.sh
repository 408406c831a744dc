# label, annotate and expose the objects a manifest names (-f).
kubectl create deployment web --image=nginx --port=80
kubectl label -f - tier=web <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
YAML
kubectl annotate -f - note=x <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
YAML
kubectl expose -f - --name=from-file <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
YAML
kubectl label -f - tier=web <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nope
YAML
kubectl get deploy web --show-labels
kubectl expose -f - --name=from-file <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    spec:
      containers:
      - name: c
        image: nginx
        ports:
        - containerPort: 8080
YAML
kubectl expose -f - --name=expr <<YAML
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: rs
spec:
  selector:
    matchExpressions:
    - key: app
      operator: In
      values: [a, b]
YAML
kubectl expose -f - --name=expr2 --port=80 <<YAML
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: rs
spec:
  selector:
    matchLabels:
      app: a
    matchExpressions:
    - key: tier
      operator: In
      values: [a, b]
YAML
