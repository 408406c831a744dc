# -o jsonpath on the verbs that print objects: run, scale, patch, wait.
kubectl run web --image=nginx --labels=app=web -o jsonpath='{.metadata.name} {.spec.containers[0].image} {.metadata.labels}{"\n"}'
kubectl run api --image=httpd --port=80 --expose -o jsonpath='{.kind}/{.metadata.name} '
kubectl run tmp --image=busybox --dry-run=client -o jsonpath='{.spec.restartPolicy} {.spec.containers[0].resources}{"\n"}'
kubectl run bad --image=nginx -o jsonpath='{.spec'
kubectl get pod bad
kubectl create deployment d --image=nginx
kubectl scale deployment d --replicas=3 -o jsonpath='{.spec.replicas}{"\n"}'
kubectl scale deployment d --replicas=2 -o jsonpath='{.nope'
kubectl get deploy d -o jsonpath='{.spec.replicas}{"\n"}'
kubectl patch deployment d -p '{"spec":{"replicas":1}}' -o jsonpath-as-json='{.spec.replicas}'
kubectl wait --for=condition=Ready pod/web -o jsonpath='{.status.phase}{"\n"}'
