# What the server rejects: unknown fields, wrong types, invalid values.
kubectl apply -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replica: 2
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
        image: nginx
YAML
kubectl apply -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: two
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
        image: nginx
YAML
kubectl apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: Bad_Name
spec:
  containers:
  - name: c
    image: nginx
YAML
kubectl create deployment web --image=nginx --replicas=-1
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: 1web
spec:
  ports:
  - port: 80
YAML
