# DaemonSet revisions: ControllerRevisions, rollout history, undo and status.
kubectl apply -f - <<YAML
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        command: ["sleep", "3600"]
YAML
sleep 30
kubectl get ds agent
kubectl get controllerrevisions
kubectl rollout history daemonset/agent
kubectl rollout undo daemonset/agent
kubectl set image ds/agent agent=busybox:1.37
sleep 180
kubectl rollout status ds/agent
kubectl get controllerrevisions
kubectl rollout history daemonset/agent
kubectl rollout history daemonset/agent --revision=1
kubectl rollout history daemonset/agent --revision=5
kubectl rollout undo daemonset/agent --dry-run=client
kubectl rollout undo daemonset/agent
sleep 180
kubectl rollout history ds/agent
kubectl get ds agent
kubectl rollout undo ds/agent --to-revision=3
kubectl rollout undo ds/agent --to-revision=9
kubectl get pods -L controller-revision-hash --sort-by=.metadata.name
