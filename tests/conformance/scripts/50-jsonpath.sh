# -o jsonpath on get: fields, lists, ranges, literal text, one object or a List.
kubectl create deployment web --image=nginx --replicas=3
kubectl label deployment web app.kubernetes.io/name=web tier=front
sleep 30
kubectl get deploy web -o jsonpath='{.metadata.name}'
kubectl get deploy web -o jsonpath='{.metadata.name}{"\n"}'
kubectl get deploy/web -o jsonpath='{.spec.replicas} replicas of {.spec.template.spec.containers[0].image}{"\n"}'
kubectl get deploy -o jsonpath='{.metadata.name}'
kubectl get deploy -o jsonpath='{.kind} {.apiVersion} {.metadata}{"\n"}'
kubectl get pods -o jsonpath='{.items[*].metadata.name}'
kubectl get pods -o jsonpath='{.items[0].metadata.name}{"\n"}'
kubectl get pods -o jsonpath='{.items[-1:].metadata.name}{"\n"}'
kubectl get pods -o jsonpath='{.items[0:2].status.phase}{"\n"}'
kubectl get pods -o jsonpath='{.items[::2].spec.nodeName}{"\n"}'
kubectl get pods -o jsonpath='{.items[0,2].metadata.name}{"\n"}'
kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.phase}{"\n"}{end}'
kubectl get pods -o jsonpath='{range .items[*]}[{.metadata.name}, {.spec.containers[*].name}] {end}{"\n"}'
kubectl get deploy web -o jsonpath="{.metadata.labels['app\.kubernetes\.io/name']}{'\n'}"
kubectl get deploy web -o jsonpath='{.metadata.labels.app\.kubernetes\.io/name}{"\n"}'
kubectl get deploy web -o jsonpath='{.metadata.labels.tier}{"\n"}'
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0]}{"\n"}'
kubectl get deploy web -o jsonpath='{.spec.selector}{"\n"}'
kubectl get deploy web -o jsonpath='{..image}{"\n"}'
kubectl get deploy web -o jsonpath='{$.status.readyReplicas}{"\n"}'
kubectl get deploy web -o jsonpath='{.status.conditions[*].type}{"\n"}'
kubectl get deploy web -o jsonpath='{.status.conditions[?(@.type=="Available")].status}{"\n"}'
kubectl get deploy web -o jsonpath='{.metadata.generation} {.spec.paused} {.metadata.deletionTimestamp}{"\n"}'
kubectl get nodes -o jsonpath='{.items[*].metadata.name}{"\n"}'
kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}'
kubectl get nodes -o jsonpath-file=templates/pod-nodes.jsonpath
kubectl get pods -o jsonpath-file=templates/pod-nodes.jsonpath
kubectl get deploy web -o jsonpath-as-json='{.metadata.name}{.spec.replicas}{.spec.selector}'
kubectl get pods -o jsonpath-as-json='{.items[*].metadata.name}'
kubectl get deploy web -o jsonpath --template='{.metadata.uid}{"\n"}'
kubectl get secrets -o jsonpath='{.items}{"\n"}'
kubectl get secrets -o yaml
kubectl get deploy web svc/kubernetes -o jsonpath='{.items[*].kind}{"\n"}'
