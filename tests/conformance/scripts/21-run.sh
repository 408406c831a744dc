# kubectl run: the run-pod/v1 generator, client dry-run output and the usual mistakes.
kubectl run nginx --image=nginx
kubectl run web --image=nginx --port=80 --labels=tier=web,team=a --env=X=1 --env=Y=two --restart=Never --dry-run=client -o yaml -- sh -c 'echo hi'
kubectl run job1 --image=busybox --command --restart=OnFailure --image-pull-policy=IfNotPresent --annotations=note=x --dry-run=client -o json -- sleep 10
kubectl run job2 --image=busybox -n kube-system --dry-run=client -o yaml sleep 5
kubectl run svc1 --image=nginx --port=8080 --dry-run=server
kubectl run named --image=nginx -o name
kubectl run hp --image=nginx --port=80 --privileged --dry-run=client -o json
kubectl run nginx --image=nginx
kubectl run x
kubectl run --image=nginx
kubectl run x --image=nginx --restart=Bogus
kubectl run x --image=NGINX
kubectl run x --image=nginx --image-pull-policy=Sometimes
kubectl run x --image=nginx --env=1BAD=x
kubectl run x --image=nginx --rm
kubectl run x --image=nginx -t
kubectl run x --image=nginx --expose
kubectl run Bad_Name --image=nginx
sleep 30
kubectl get pods -o wide --show-labels
kubectl get pod nginx -o yaml
kubectl run multi --image=nginx --labels=z=1,a=2 --annotations=y=1 --annotations=b=2 --dry-run=client -o json
