# kubectl create rolebinding / clusterrolebinding, and what the bindings grant.
kubectl create namespace dev
kubectl create rolebinding viewers --clusterrole=view --user=jane --user=bob --group=qa --serviceaccount=dev:app -n dev --dry-run=client -o yaml
kubectl create rolebinding viewers --clusterrole=view --user=jane --group=qa --serviceaccount=dev:app -n dev
kubectl create clusterrolebinding node-readers --clusterrole=view --group=qa
kubectl create clusterrolebinding admins --clusterrole=cluster-admin --user=root -o yaml --dry-run=client
kubectl create rolebinding broken -n dev
kubectl create rolebinding broken --role=a --clusterrole=b -n dev
kubectl create rolebinding broken --role=a --serviceaccount=app -n dev
kubectl create clusterrolebinding broken
kubectl create rolebinding --role=a
kubectl get rolebindings -n dev -o wide
kubectl get clusterrolebinding node-readers -o wide
kubectl auth can-i list deployments -n dev --as jane
kubectl auth can-i list deployments -n dev --as bob
kubectl auth can-i list pods -A --as someone --as-group qa
kubectl get pods -n dev --as system:serviceaccount:dev:app
