# kubectl rollout for a Deployment: status, history (--revision), undo (--to-revision), pause,
# resume, restart, with the change-cause annotation and the usual mistakes.
kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl rollout status deployment/web
kubectl annotate deployment web kubernetes.io/change-cause="first image"
kubectl set image deployment/web nginx=nginx:1.26
kubectl rollout status deployment web
kubectl set image deployment/web nginx=nginx:1.27
sleep 60
kubectl rollout history deployment/web
kubectl rollout history deployment/web --revision=2
kubectl rollout history deployment/web --revision=9
kubectl rollout history deployment/web -o yaml --revision=1
kubectl rollout undo deployment/web
kubectl rollout status deployment/web --timeout=2m
kubectl get rs
kubectl rollout undo deployment/web --to-revision=1
kubectl rollout undo deployment/web --to-revision=42
kubectl rollout undo deployment/web --to-revision=1 --dry-run=client
sleep 60
kubectl rollout history deployment/web
kubectl rollout pause deployment/web
kubectl rollout pause deployment/web
kubectl set image deployment/web nginx=nginx:1.28
kubectl rollout status deployment/web --watch=false
kubectl rollout undo deployment/web
kubectl rollout resume deployment/web
kubectl rollout resume deployment/web
kubectl rollout status deployment/web
kubectl describe deployment web
kubectl rollout history deployment/web -o name
kubectl rollout history deployment/web -o yaml --revision=5
# restart stamps the template with the client's clock (restartedAt), so the new ReplicaSet's
# name differs between the two runs: nothing below prints it.
kubectl rollout restart deployment/web
sleep 60
kubectl rollout history deployment/web
kubectl get deploy web
kubectl rollout status deployment/nope
kubectl rollout history pod/x
kubectl rollout pause service/kubernetes
kubectl rollout status
kubectl rollout frobnicate deployment/web
