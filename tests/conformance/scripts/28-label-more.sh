# kubectl label and annotate: listing, several objects with some missing, output formats.
kubectl create deployment web --image=nginx
kubectl create deployment api --image=nginx
kubectl label deployments --all --list
kubectl label deployment web --list
kubectl annotate deployments --all --list
kubectl label deployment web missing x=1
kubectl label deployment missing1 missing2 x=1
kubectl annotate deployment web missing note=1
kubectl label deployment web y=1 -o yaml
kubectl annotate deployment api note=hi -o json
kubectl label deployment web y=2 --dry-run=server
kubectl label deployment web y=2 --overwrite --dry-run=client -o name
kubectl get deploy --show-labels
