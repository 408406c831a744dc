# Dry runs: client-side and server-side.
kubectl create deployment web --image=nginx --replicas=2 --dry-run=client -o yaml
kubectl create deployment web --image=nginx --dry-run=server
kubectl create namespace dev --dry-run=client -o yaml
kubectl get deploy
kubectl get ns dev
