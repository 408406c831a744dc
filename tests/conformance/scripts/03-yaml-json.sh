# Full objects in YAML and JSON, and -o name.
kubectl create deployment web --image=nginx
sleep 30
kubectl get deployment web -o yaml
kubectl get deployment web -o json
kubectl get pods -o name
kubectl get deploy -o yaml
