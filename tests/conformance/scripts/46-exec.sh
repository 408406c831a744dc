# kubectl exec over the WebSocket (v5.channel.k8s.io): output, exit codes, containers and the refusals.
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "echo hello > /tmp/greeting; sleep 3600"]
    env:
    - name: GREETING
      value: hi there
  - name: side
    image: nginx
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: srv
        image: busybox
        command: ["sh", "-c", "sleep 3600"]
EOF
kubectl run done --image=busybox --restart=Never -- sh -c 'echo finished'
kubectl exec duo -- echo too early
sleep 1
kubectl exec duo -c main -- echo still creating
sleep 30
kubectl exec duo -- echo hi
kubectl exec duo -c main -- cat /tmp/greeting
kubectl exec duo -q -- hostname
kubectl exec duo -c main -- sh -c 'echo $GREETING; echo to stderr >&2'
kubectl exec duo -c main -- sh -c 'echo partial; exit 3'
kubectl exec duo -c main -- false
kubectl exec duo -c main -- foo
kubectl exec duo -c main -- /bin/nothing-here
kubectl exec duo -c main -- sh -c 'sleep 5; echo after five seconds'
kubectl exec duo -c side -- cat /usr/share/nginx/html/index.html
kubectl exec duo -c nope -- echo hi
kubectl exec deploy/web -- hostname
kubectl exec deployment/web -c srv -- echo from the deployment
kubectl exec pod/duo -c main -- ls /tmp
kubectl exec done -- echo hi
kubectl exec ghost -- echo hi
kubectl exec deploy/ghost -- echo hi
kubectl exec duo
kubectl exec duo echo hi
kubectl exec -- echo hi
kubectl get pods duo
