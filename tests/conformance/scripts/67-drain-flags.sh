# kubectl drain's flags: --force for a bare pod, --delete-emptydir-data, --disable-eviction,
# --grace-period, --dry-run=server.
kubectl apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: solo
  labels:
    app: solo
spec:
  nodeName: node-3
  containers:
  - name: web
    image: nginx
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cache
spec:
  replicas: 1
  selector:
    matchLabels:
      app: cache
  template:
    metadata:
      labels:
        app: cache
    spec:
      nodeSelector:
        kubernetes.io/hostname: node-3
      containers:
      - name: redis
        image: redis
        volumeMounts:
        - name: data
          mountPath: /data
      volumes:
      - name: data
        emptyDir: {}
YAML
sleep 30
kubectl drain node-3 --ignore-daemonsets --pod-selector=app=solo
kubectl drain node-3 --ignore-daemonsets --pod-selector=app=cache
kubectl drain node-3 --ignore-daemonsets --pod-selector=app=solo --force --dry-run=server
kubectl drain node-3 --ignore-daemonsets --pod-selector=app=cache --delete-emptydir-data --dry-run=server
kubectl get pods -o name
kubectl drain node-3 --ignore-daemonsets --pod-selector=app=solo --force --disable-eviction --grace-period=5
kubectl drain node-3 --ignore-daemonsets --pod-selector=app=cache --delete-emptydir-data --grace-period=0
kubectl get nodes node-3
kubectl uncordon node-3
kubectl drain node-3 --timeout=5
