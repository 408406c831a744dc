# kubectl logs through pods/log: tail, since, timestamps, limit-bytes, prefix, selectors, follow and the refusals.
kubectl run counter --image=busybox --restart=Never -- sh -c 'i=1; while [ $i -le 5 ]; do echo "line $i"; i=$((i+1)); sleep 1; done'
kubectl logs counter
sleep 1
kubectl logs counter
sleep 2
kubectl logs counter -f
kubectl get pods
kubectl logs counter --tail=2
kubectl logs counter --tail=0
kubectl logs counter --timestamps --tail=1
kubectl logs counter --since=3s
kubectl logs counter --since-time=2025-01-01T00:00:03Z --timestamps
kubectl logs counter --limit-bytes=10
kubectl logs pod/counter --prefix
kubectl logs -l run=counter
kubectl logs -l run=counter --prefix --tail=1
kubectl logs -l run=nobody
kubectl logs counter -f --tail=1
kubectl logs counter -c nope
kubectl logs counter --previous
kubectl logs nope
kubectl logs counter --tail=-2
kubectl logs counter --since=5s --since-time=2025-01-01T00:00:03Z
kubectl logs counter extra -c counter
kubectl logs counter -c counter --all-containers
kubectl logs
kubectl run bad --image=ngnix
sleep 10
kubectl logs bad
