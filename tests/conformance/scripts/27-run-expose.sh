# kubectl run --expose: a pod and a ClusterIP Service selecting it.
kubectl run web --image=nginx --port=8080 --expose
kubectl run api --image=nginx --port=80 --labels=app=api,tier=b --expose --dry-run=client -o yaml
kubectl run api2 --image=nginx --port=80 --expose -o name
kubectl run web --image=nginx --port=8080 --expose
kubectl get svc
kubectl get svc web -o yaml
