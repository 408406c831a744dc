# -o jsonpath: filters, comparisons, missing keys, and kubectl's errors for bad templates.
kubectl create deployment web --image=nginx --replicas=2
kubectl create deployment api --image=httpd --replicas=1
sleep 30
kubectl get deploy -o jsonpath='{.items[?(@.spec.replicas>1)].metadata.name}{"\n"}'
kubectl get deploy -o jsonpath='{.items[?(@.spec.replicas<=1)].metadata.name}{"\n"}'
kubectl get deploy -o jsonpath='{.items[?(@.spec.replicas!=2)].metadata.name}{"\n"}'
kubectl get deploy -o jsonpath='{.items[?(@.metadata.name=="api")].spec.template.spec.containers[0].image}{"\n"}'
kubectl get deploy -o jsonpath="{.items[?(@.metadata.name=='web')].metadata.name}{'\n'}"
kubectl get deploy -o jsonpath='{.items[?(@.status.readyReplicas)].metadata.name}{"\n"}'
kubectl get deploy -o jsonpath='{.items[?(@.metadata.deletionTimestamp)].metadata.name}{"\n"}'
kubectl get deploy -o jsonpath='{.items[?(@.spec.replicas>1.5)].metadata.name}{"\n"}'
kubectl get deploy -o jsonpath='{.items[?(@.spec.replicas=="2")].metadata.name}{"\n"}'
kubectl get deploy web -o jsonpath='{.nothing.here}{"\n"}'
kubectl get deploy web -o jsonpath='{.nothing}' --allow-missing-template-keys=false
kubectl get deploy web -o jsonpath='{.spec.replicas[0]}'
kubectl get deploy -o jsonpath='{.items[5]}'
kubectl get deploy -o jsonpath='{.items[1:0]}'
kubectl get deploy -o jsonpath='{.items[0:1:0]}'
kubectl get deploy -o jsonpath='{.items[*].metadata.labels[?(@.app)]}'
kubectl get deploy web -o jsonpath='{end}'
kubectl get deploy web -o jsonpath='{range}'
kubectl get deploy web -o jsonpath='{.metadata.name'
kubectl get deploy web -o jsonpath='{.items[x]}'
kubectl get deploy web -o jsonpath='{.items[0}'
kubectl get deploy web -o jsonpath='{"abc}'
kubectl get deploy web -o jsonpath='{.a..b..c}'
kubectl get deploy web -o jsonpath='{%}'
kubectl get deploy web -o jsonpath='{.items[?(@.a]}'
kubectl get deploy web -o jsonpath='{.items[?(@.a)x]}'
kubectl get deploy web -o jsonpath='{1.2.3}'
kubectl get deploy web -o jsonpath
kubectl get deploy web -o jsonpath=
kubectl get deploy web -o jsonpath-file=templates/missing.jsonpath
kubectl get deploy nope -o jsonpath='{.foo'
kubectl get deploy web nope -o jsonpath='{.items[*].metadata.name}{"\n"}'
kubectl get deploy web nope -o jsonpath='{.foo'
kubectl get deploy -o jsonpath='{range .items[*]}{.metadata.name}{" "}'
kubectl get deploy -o jsonpath='{range .items[*]}{range .spec.template.spec.containers[*]}{.name}={.image} {end}{"|"}{end}{"\n"}'
kubectl get deploy -o jsonpath='before {.kind} after'
kubectl get deploy -o jsonpath='plain text'
