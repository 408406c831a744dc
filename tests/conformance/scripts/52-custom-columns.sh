# -o custom-columns and custom-columns-file: headers, <none>, lists in cells, errors.
kubectl create deployment web --image=nginx --replicas=2
kubectl label deployment web tier=front
kubectl expose deployment web --port=80
sleep 30
kubectl get deploy -o custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas,READY:.status.readyReplicas
kubectl get deploy web -o custom-columns=NAME:metadata.name,TIER:{.metadata.labels.tier},PAUSED:{.spec.paused}
kubectl get deploy web -o custom-columns='IMAGES:.spec.template.spec.containers[*].image,PORTS:.spec.template.spec.containers[*].ports'
kubectl get deploy web -o custom-columns=LABELS:.metadata.labels,SELECTOR:.spec.selector.matchLabels,STRATEGY:.spec.strategy
kubectl get pods -o custom-columns=POD:.metadata.name,NODE:.spec.nodeName,IP:.status.podIP,STATUS:.status.phase --sort-by=.metadata.name
kubectl get pods -o custom-columns=POD:.metadata.name,NODE:.spec.nodeName --no-headers
kubectl get nodes -o custom-columns='NAME:.metadata.name,TAINTS:.spec.taints[*].key,READY:.status.conditions[?(@.type=="Ready")].status'
kubectl get svc,deploy -o custom-columns=KIND:.kind,NAME:.metadata.name
kubectl get secrets -o custom-columns=NAME:.metadata.name
kubectl get pods -o custom-columns-file=templates/pods.columns
kubectl get pods -o custom-columns-file=templates/pods.columns --no-headers
kubectl get pods -o custom-columns-file=templates/mismatch.columns
kubectl get pods -o custom-columns-file=templates/missing.columns
kubectl get pods -o custom-columns=
kubectl get pods -o custom-columns
kubectl get pods -o custom-columns=NAME
kubectl get pods -o custom-columns=NAME:.metadata.name,X
kubectl get pods -o custom-columns='NAME:{.metadata.name}{.x}'
kubectl get pods -o custom-columns='NAME:.metadata['
kubectl get pods -o custom-columns='NAME:.spec.containers[9]'
kubectl get deploy web nope -o custom-columns=NAME:.metadata.name
kubectl get pods -o bogus
