# kubectl taint on nodes: add, overwrite, remove and select.
kubectl taint nodes node-1 dedicated=gpu:NoSchedule
kubectl taint nodes node-1 dedicated=gpu:NoSchedule
kubectl taint nodes node-1 dedicated=cpu:NoSchedule --overwrite
kubectl taint node node-1 spot:PreferNoSchedule other=x:NoExecute
kubectl get node node-1 -o yaml
kubectl taint nodes node-1 dedicated:NoSchedule-
kubectl taint nodes node-1 spot-
kubectl taint nodes node-1 spot-
kubectl taint nodes node-1 other:NoSchedule-
kubectl taint nodes --all zone=a:NoSchedule
kubectl taint nodes -l kubernetes.io/hostname=node-2 zone-
kubectl taint nodes node-2 k=1:NoSchedule --dry-run=client
kubectl taint nodes node-2 j=1:NoSchedule --dry-run=server
