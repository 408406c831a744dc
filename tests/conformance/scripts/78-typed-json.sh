# -o json prints typed objects (generators, and what their typed clients get back) in Go field
# order with Go's zero values, and objects read as maps (get, label, scale, apply) sorted.
kubectl run web --image=nginx --port=80 --labels=app=web -o json
kubectl run tmp --image=busybox --restart=Never --dry-run=client -o json -- sleep 10
kubectl expose pod web --port=8080 --target-port=80 -o json
kubectl expose pod web --name=web-np --type=NodePort --port=80 --dry-run=client -o json
kubectl create deployment api --image=nginx:1.27 --replicas=2 -o json
kubectl create namespace team -o json
kubectl create clusterrolebinding team-view --clusterrole=view --group=team -o json
kubectl get service web -o json
kubectl label pod web tier=front -o json
kubectl scale deployment api --replicas=1 -o json
kubectl scale deployment api --replicas=3 -o name
kubectl scale deployment api --replicas=5 --dry-run=client
kubectl scale deployment api --replicas=5 --dry-run=server
kubectl scale deployment api --replicas=4 -o yaml
kubectl get deployment api
