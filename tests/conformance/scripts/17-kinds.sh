# Other kinds and their columns, wide where it adds columns.
kubectl get sc
kubectl get cs
kubectl get svc -A -o wide
kubectl get ep -A
kubectl get rs -A -o wide
kubectl get ds -n kube-system -o wide
kubectl get leases -n kube-node-lease
kubectl get sa
kubectl get cm -A
kubectl get clusterroles
kubectl get priorityclasses
kubectl get crd
