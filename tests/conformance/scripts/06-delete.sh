# Deleting: a deployment (kubectl waits for it to go), a missing pod, another deployment.
kubectl create deployment web --image=nginx --replicas=2
kubectl create deployment db --image=redis
sleep 30
kubectl delete deployment db
kubectl delete deployment web
kubectl get deploy
kubectl delete pod missing
kubectl delete deployment db
