# kubectl api-resources, api-versions and version, answered from the server's discovery.
kubectl api-resources
kubectl api-resources --namespaced=true
kubectl api-resources --namespaced=false -o name
kubectl api-resources -o wide
kubectl api-resources --api-group=apps
kubectl api-resources --api-group=
kubectl api-resources --no-headers --sort-by=kind
kubectl api-resources --verbs=list,get -o name
kubectl api-resources --categories=all
kubectl api-resources -o yaml
kubectl api-versions
kubectl version
kubectl version --client
kubectl version -o json
kubectl version --client -o yaml
kubectl api-resources extra
kubectl api-resources --sort-by=foo
kubectl version extra
kubectl version -o table
