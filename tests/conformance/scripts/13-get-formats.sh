# Other get output options.
kubectl create deployment web --image=nginx --replicas=2
sleep 30
kubectl get pods --no-headers
kubectl get pods -L app
kubectl get pods --field-selector=status.phase=Running
kubectl get pods -l 'app in (web)' -o name
kubectl get nodes --sort-by=.metadata.name
kubectl get pods -o wide --show-labels
