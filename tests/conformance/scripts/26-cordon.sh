# kubectl cordon and uncordon.
kubectl cordon node-1
kubectl cordon node-1
kubectl get nodes
kubectl uncordon node-1
kubectl uncordon node-1
kubectl cordon node-1 node-9
kubectl cordon
kubectl cordon -l kubernetes.io/hostname=node-2 --dry-run=client
kubectl get nodes
