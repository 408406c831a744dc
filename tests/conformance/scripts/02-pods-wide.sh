# A deployment's pods with -o wide, label selectors and --show-labels.
kubectl create deployment web --image=nginx --replicas=3
sleep 60
kubectl get pods -o wide
kubectl get pods -l app=web
kubectl get pods -l app=nothing
kubectl get pods --show-labels
kubectl get deploy,rs
