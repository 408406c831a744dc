# A budget with room: the eviction is allowed, the budget counts it, and catches up later.
kubectl create deployment web --image=nginx --replicas=3
sleep 30
kubectl apply -f - <<YAML
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: web
YAML
sleep 2
kubectl get pdb web
kubectl get pdb web -o yaml
kubectl drain node-2 --ignore-daemonsets --pod-selector=app=web
sleep 30
kubectl get pdb web -o yaml
kubectl get pods -l app=web -o wide
kubectl describe pdb web
kubectl uncordon node-2
