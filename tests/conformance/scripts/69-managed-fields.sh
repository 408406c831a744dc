# managedFields: who set which field, shown only with --show-managed-fields.
kubectl create deployment web --image=nginx:1.27 --replicas=2
sleep 30
kubectl get deploy web -o yaml
kubectl get deploy web -o yaml --show-managed-fields
kubectl scale deployment web --replicas=3
kubectl label deployment web tier=front
sleep 30
kubectl get deploy web -o json --show-managed-fields
kubectl get rs -o yaml --show-managed-fields
