# kubectl expose: Services from deployments, pods, replica sets and services, and the usual mistakes.
kubectl create deployment web --image=nginx --port=80
kubectl expose deployment web
kubectl expose deployment web --port=8080 --target-port=80 --name=web-alt --type=NodePort --dry-run=client -o yaml
kubectl expose deployment/web --name=web-json --port=81 --target-port=http --labels=a=b --session-affinity=ClientIP --dry-run=client -o json
kubectl run pod1 --image=nginx --port=9000
kubectl expose pod pod1 --name=pod1-svc
kubectl run bare --image=nginx
kubectl expose pod bare
kubectl expose pod bare --port=70 --protocol=UDP -o yaml --dry-run=client
kubectl expose service web --name=web2 --port=90
kubectl expose deployment web
kubectl expose deployment missing
kubectl expose node node-1 --port=80
kubectl expose
kubectl expose deployment web --name=x --session-affinity=Sticky
kubectl expose deployment web --name=hl --cluster-ip=None -n default --dry-run=client -o yaml
kubectl expose deployment web --name=multi --port=80,443 --dry-run=server -o name
kubectl get svc
kubectl expose deployment web --name=lbl --labels=z=1,a=2 --selector=z=1,a=2 --dry-run=client -o json
