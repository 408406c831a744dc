# kubectl create role / clusterrole: rules grouped by API group, resource names, URLs, errors.
kubectl create namespace dev -o json
kubectl create role pod-reader --verb=get,list --verb=watch --resource=pods,deployments.apps,pods/log --resource-name=a --dry-run=client -o yaml
kubectl create role pod-reader --verb=get --verb=get --resource=po,deploy,rs.apps,jobs.batch/status -n dev -o json --dry-run=client
kubectl create role pod-reader --verb=get,list,watch --resource=pods -n dev
kubectl create role pod-reader --verb=get --resource=pods -n dev
kubectl create role everything --verb=get --verb='*' --resource=services --resource='*' -n dev -o yaml
kubectl create role odd --verb=frobnicate --resource=pods -n dev
kubectl create role bad --verb=get --resource=foos -n dev
kubectl create role bad --verb=get --resource=foos.apps -n dev
kubectl create role bad --verb=use --resource=pods -n dev
kubectl create role bad --verb=get -n dev
kubectl create role bad --resource=pods -n dev
kubectl create role bad --verb=get --resource=.apps -n dev
kubectl create role --verb=get --resource=pods
kubectl create clusterrole url-reader --verb=get --non-resource-url=/healthz,/logs/* -o yaml
kubectl create clusterrole mixed --verb=get,list --resource=nodes --non-resource-url=/metrics --dry-run=server
kubectl create clusterrole agg --aggregation-rule=rbac.example.com/aggregate-to-view=true -o yaml --dry-run=client
kubectl create clusterrole agg --aggregation-rule=a=b --verb=get
kubectl create clusterrole bad --verb=list --non-resource-url=/healthz
kubectl create clusterrole bad --verb=get --non-resource-url=healthz
kubectl create clusterrole bad --verb=get --non-resource-url=/a*/b
kubectl create clusterrole bad --verb=get
kubectl get roles -n dev
kubectl get clusterrole url-reader -o wide
kubectl describe role pod-reader -n dev
kubectl create clusterrole agg --aggregation-rule=ab
kubectl create clusterrole agg --aggregation-rule=a=b -o json --dry-run=client
kubectl create clusterrole u --verb=get --non-resource-url=/x -o json --dry-run=client
kubectl create rolebinding rb --clusterrole=view --user=a --serviceaccount=dev:b --dry-run=client -o json
kubectl create rolebinding rb --clusterrole=view --group=g --dry-run=client -o yaml
kubectl create deployment web --image=nginx --port=80 --dry-run=client -o json
kubectl create namespace other --dry-run=client -o json
kubectl create deployment web --image=nginx -n dev -o json
