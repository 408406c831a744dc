# Error cases: NotFound, unknown type, AlreadyExists.
kubectl get pod nginx
kubectl get foo
kubectl get deployment nope
kubectl create deployment web --image=nginx
kubectl create deployment web --image=nginx
kubectl get pods -n nowhere
kubectl get nodes node-9
kubectl create namespace dev
kubectl create namespace dev
