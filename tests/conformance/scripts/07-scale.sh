# kubectl scale up and down.
kubectl create deployment web --image=nginx --replicas=1
sleep 20
kubectl scale deployment web --replicas=4
sleep 30
kubectl get deploy web
kubectl scale deploy/web --replicas=1
sleep 60
kubectl get deploy web
kubectl scale deployment missing --replicas=2
kubectl scale deployment web missing --replicas=2
