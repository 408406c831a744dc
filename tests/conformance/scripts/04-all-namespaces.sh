# Across namespaces: -A, -n, and cluster-scoped kinds.
kubectl get pods -A
kubectl get pods -n kube-system -o wide
kubectl get namespaces
kubectl get svc -A
kubectl get ds -A
kubectl get deploy -n kube-system
