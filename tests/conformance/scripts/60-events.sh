# kubectl get events: sorting, field selectors, output formats; describe by prefix and label.
kubectl create deployment web --image=nginx --replicas=2
kubectl run bad --image=ngnix
kubectl create namespace dev
kubectl run other --image=busybox -n dev -- sleep 3600
sleep 40
kubectl get events
kubectl get events --sort-by=.lastTimestamp
kubectl get events --sort-by=.metadata.creationTimestamp -o wide
kubectl get events --field-selector type=Warning
kubectl get events --field-selector involvedObject.kind=Pod,involvedObject.name=bad
kubectl get events --field-selector reason=Scheduled -A
kubectl get events -n dev
kubectl get events --field-selector involvedObject.kind=ReplicaSet -o name
kubectl get events --field-selector type=Nope
kubectl get ev --field-selector reason=ScalingReplicaSet -o custom-columns=REASON:.reason,MSG:.message
kubectl describe pods web
kubectl describe pods -l app=web --show-events=false
kubectl describe deploy,rs -l app=web
kubectl describe pod -A -l run=other
kubectl describe nodes node-
kubectl describe pods zzz
