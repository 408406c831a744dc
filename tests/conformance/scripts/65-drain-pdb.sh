# A PodDisruptionBudget that allows no disruption: drain retries every 5s until --timeout.
# (Nothing after the refused drain prints an AGE: the real kubectl sleeps on the wall clock.)
kubectl create deployment web --image=nginx --replicas=3
sleep 30
kubectl apply -f - <<YAML
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 3
  selector:
    matchLabels:
      app: web
YAML
sleep 2
kubectl get pdb
kubectl get pdb web -o yaml
kubectl describe pdb web
kubectl drain node-2 --ignore-daemonsets --pod-selector=app=web --timeout=3s
kubectl describe pdb web
kubectl get pods -l app=web -o name
