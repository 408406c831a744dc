# kubectl logs of workloads: several containers, init containers, deployments, jobs, restarts (--previous).
# Not here: --all-containers of a pod with several containers and -l --prefix over several pods:
# kubectl 1.31 reads those requests from a Go map, so their order changes from run to run.
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: duo
  labels:
    app: duo
spec:
  initContainers:
  - name: setup
    image: busybox
    command: ["sh", "-c", "echo preparing; echo ready"]
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "echo main up; sleep 3600"]
  - name: side
    image: busybox
    command: ["sh", "-c", "echo side up; sleep 3600"]
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
        command: ["sh", "-c", "echo serving; sleep 3600"]
---
apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: task
        image: busybox
        command: ["sh", "-c", "echo job ran; echo done"]
EOF
kubectl run crashy --image=busybox -- sh -c 'echo crashing soon; sleep 2; exit 3'
sleep 30
kubectl logs duo
kubectl logs duo -c side
kubectl logs duo side
kubectl logs duo -c setup
kubectl logs duo -c setup --prefix
kubectl logs -l app=duo -c main --prefix
kubectl logs duo -c nope
kubectl logs duo --previous -c main
kubectl logs deploy/web
kubectl logs deployment/web --prefix
kubectl logs job/once
kubectl logs job/once -f
kubectl logs jobs/once --timestamps
kubectl logs crashy
kubectl logs crashy --all-containers
kubectl logs crashy --previous
kubectl logs crashy -p --timestamps
kubectl logs crashy -p --all-containers --prefix
kubectl logs -l app=web
kubectl logs -l app=web --tail=1
kubectl logs deploy/nope
kubectl logs svc/nope
kubectl annotate pod duo kubectl.kubernetes.io/default-container=side
kubectl logs duo
kubectl annotate pod duo kubectl.kubernetes.io/default-container=ghost --overwrite
kubectl logs duo
