# kubectl apply --server-side: create, re-apply, a conflict with another manager, --force-conflicts.
kubectl apply --server-side -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
YAML
kubectl get deploy web -o yaml --show-managed-fields
kubectl apply --server-side -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
YAML
kubectl scale deployment web --replicas=4
kubectl apply --server-side -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
YAML
kubectl apply --server-side --force-conflicts -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
YAML
kubectl get deploy web -o json --show-managed-fields
kubectl apply --server-side --field-manager=team-b -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 5
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.28
YAML
kubectl apply --force-conflicts -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
YAML
