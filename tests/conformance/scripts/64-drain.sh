# kubectl drain: cordon first, DaemonSet pods refused then ignored, one eviction.
kubectl create deployment web --image=nginx --replicas=3
sleep 30
kubectl drain node-2
kubectl get nodes node-2
kubectl drain node-2 --ignore-daemonsets --dry-run=client
kubectl uncordon node-2
kubectl drain node-2 --ignore-daemonsets --pod-selector=app=web
kubectl get nodes
kubectl drain node-2 --ignore-daemonsets --pod-selector=app=web
kubectl uncordon node-2
kubectl drain node-9
kubectl drain
kubectl drain node-1 -l kubernetes.io/hostname=node-1
kubectl drain node-3 --pod-selector='a b'
