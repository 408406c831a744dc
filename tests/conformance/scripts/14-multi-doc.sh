# Several objects in one manifest, then delete them the same way.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
  namespace: shop
data:
  k: v
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 1
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: nginx
YAML
sleep 20
kubectl get deploy,cm -n shop
kubectl get all -n shop
kubectl delete cm cfg -n shop
kubectl delete deployment api -n shop
kubectl get all -n shop
