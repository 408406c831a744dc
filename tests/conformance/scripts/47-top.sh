# kubectl top through metrics.k8s.io (metrics-server's APIService): nodes, pods, containers, selectors, load.
kubectl top nodes
kubectl top node node-1
kubectl top nodes -l kubernetes.io/hostname=node-2
kubectl top nodes --no-headers
kubectl top pods
kubectl top pods -A
kubectl top pods -n kube-system --containers
kubectl top pods -n kube-system -l k8s-app=kube-proxy
kubectl top pods -n kube-system -l k8s-app=kube-proxy --sum
kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
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
      - name: srv
        image: nginx
        resources:
          requests:
            cpu: 100m
          limits:
            cpu: 500m
EOF
sleep 60
sim load deployment/web --cpu 600m
sleep 30
kubectl top pods
kubectl top pods -l app=web --containers --no-headers
kubectl top pods --sort-by=memory
kubectl top nodes --sort-by=cpu
kubectl top
kubectl top services
kubectl api-versions
