# kubectl create quota / priorityclass / poddisruptionbudget, typed YAML with Go's zero values.
kubectl create namespace team
kubectl create quota compute --hard=cpu=1000m,memory=1024Mi,pods=10 --scopes=NotBestEffort -n team -o yaml
kubectl create quota objects --hard=configmaps=5,services.nodeports=0 -n team --dry-run=client -o json
kubectl create quota bad --hard=cpu -n team
kubectl create quota bad --hard=cpu=lots -n team
kubectl create quota bad --scopes=BestEffort, -n team
kubectl create priorityclass high --value=1000 --description="for important pods" -o yaml
kubectl create priorityclass default-ish --value=10 --global-default=true --preemption-policy=Never --dry-run=client -o json
kubectl create priorityclass high --value=5
kubectl create pdb web --selector=app=web --min-available=50% -n team -o yaml
kubectl create pdb api --selector='tier in (api,backend),!legacy' --max-unavailable=1 -n team --dry-run=client -o yaml
kubectl create pdb bad --selector=app=web
kubectl create pdb bad --min-available=1
kubectl create pdb bad --selector=app=web --min-available=1 --max-unavailable=1
kubectl create pdb bad --selector=app=web --min-available=half
kubectl create pdb bad --selector='app!=web' --min-available=1
kubectl get quota,pdb -n team
kubectl get priorityclass high
kubectl run solo --image=nginx --dry-run=client -o yaml
kubectl expose pod solo --port=80 --dry-run=client -o yaml
