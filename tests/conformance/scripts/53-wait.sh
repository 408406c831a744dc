# kubectl wait: conditions, jsonpath values, delete, create, selectors, timeouts and errors.
kubectl create deployment web --image=nginx --replicas=2
kubectl wait --for=condition=Available deployment/web
kubectl wait --for=condition=available=TRUE deploy web --timeout=0
kubectl wait --for=condition=Available=false deployment/web --timeout=0
kubectl wait --for=condition=Ready pods -l app=web
kubectl wait --for=condition=Ready pods --all -o name
kubectl wait --for=jsonpath='{.status.phase}'=Running pods -l app=web
kubectl wait --for=jsonpath='{.status.readyReplicas}'=2 deploy/web
kubectl wait --for=jsonpath='.status.readyReplicas' deploy/web
kubectl wait --for=jsonpath='{.status.conditions[?(@.type=="Available")].status}'=True deploy/web -o jsonpath='{.metadata.name}{"\n"}'
kubectl wait --for=jsonpath='{.status.conditions[*].type}' deploy/web
kubectl wait --for=jsonpath='{.spec.template}'=x deploy/web
kubectl wait --for=jsonpath='{.status.readyReplicas}'= deploy/web
kubectl wait --for=jsonpath='{.status.readyReplicas}'=2=3 deploy/web
kubectl wait --for=jsonpath= deploy/web
kubectl wait --for=jsonpath='{.status' deploy/web
kubectl wait --for=jsonpath='{.a}{.b}' deploy/web
kubectl wait --for=bogus deploy/web
kubectl wait deploy/web
kubectl wait --for=delete
kubectl wait --for=condition=Ready pods
kubectl wait --for=condition=Ready pod/nope
kubectl wait --for=condition=Ready pod/nope deploy/web --timeout=3s
kubectl wait --for=delete pod/nope
kubectl wait --for=condition=Ready pods -l app=none
kubectl wait --for=condition=Ready deploy/web --timeout=30
kubectl wait --for=condition=Ready deploy/web -o wide
kubectl wait --for=create deploy/web
kubectl wait --for=condition=Ready deploy/web --timeout=0
kubectl wait --for=delete deploy/web --timeout=0
kubectl create deployment api --image=httpd
kubectl wait --for=condition=Available deploy/api --timeout=2m
kubectl delete deploy web --wait=false
kubectl wait --for=delete pods -l app=web --timeout=60s
kubectl get pods -l app=web
kubectl wait --for=delete deploy/web
