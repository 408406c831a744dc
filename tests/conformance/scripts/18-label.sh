# kubectl label: add, overwrite, remove and select.
kubectl create deployment web --image=nginx
kubectl create deployment api --image=nginx
kubectl label deployment web tier=front
kubectl label deployment web tier=back
kubectl label deployment web tier=back --overwrite
kubectl label deployment web tier=back --overwrite
kubectl label deployment/web deployment/api team=a
kubectl get deploy --show-labels
kubectl label deployment web tier- team-
kubectl label deployment web tier-
kubectl label deploy web a=1 b-
kubectl label deployments --all env=dev
kubectl label deployments -l app=api env=prod --overwrite
kubectl label deployments -l app=nope env=prod
kubectl get deploy -L env
kubectl label node node-1 disk=ssd
kubectl get nodes -l disk=ssd
