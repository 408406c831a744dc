# Working in another namespace.
kubectl create namespace dev
kubectl create deployment api --image=nginx --replicas=2 -n dev
sleep 40
kubectl get pods -n dev
kubectl get deploy -A
kubectl get ns dev
kubectl get sa -n dev
