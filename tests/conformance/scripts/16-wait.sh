# A command that waits (rollout status), then what happened meanwhile.
kubectl create deployment web --image=nginx --replicas=2
kubectl rollout status deployment/web
kubectl get deploy web
kubectl get events --field-selector=involvedObject.kind=Deployment
