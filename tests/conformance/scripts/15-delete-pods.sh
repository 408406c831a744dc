# Deleting pods: kubectl waits through the grace period, the ReplicaSet replaces them.
kubectl create deployment web --image=nginx --replicas=2
sleep 30
kubectl delete pods -l app=web
kubectl get pods
kubectl get deploy web
sleep 20
kubectl get pods -o wide
